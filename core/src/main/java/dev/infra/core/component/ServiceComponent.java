package dev.infra.core.component;

import dev.infra.core.model.ServiceDef;
import dev.infra.core.model.VpcDef;

import java.util.List;
import java.util.Map;

import static dev.infra.core.component.Inputs.concat;
import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/**
 * {@code type: service} → LogGroup, ECR Repository + docker.Image (when built from source), execution and task
 * Roles, a SecurityGroup (ingress from its ALB only), TaskDefinition, a Fargate ecs.Service, the load balancer parts,
 * auto scaling Target + Policy, and the CodeDeploy parts for blue-green. Tasks run in private subnets, or in public
 * ones with a public IP when the VPC has no NAT (they could not pull images otherwise).
 */
final class ServiceComponent implements Component<ServiceDef> {
    @Override
    public String type() {
        return "service";
    }

    @Override
    public void expand(ServiceDef s, Emitter out, Expansion ctx) {
        VpcDef vpc = ctx.vpcOfCluster(s.cluster());
        out.add("logGroup", "aws.logs.LogGroup", map("logGroupName", Naming.stagePath(ctx.config().app(), ctx.config().stage()) + s.name(),
                "retentionInDays", 30));
        Object image = image(s, out, ctx);
        String execRole = out.add("executionRole", "aws.iam.Role", map("name", out.name("exec", Naming.IAM_ROLE),
                "assumeRoleService", "ecs-tasks.amazonaws.com",
                "managedPolicyArns", List.of(concat("arn:", ctx.partition(), ":iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")),
                "inlinePolicy", new TaskSecrets(s, ctx).executionPolicy()));
        String taskRole = out.add("taskRole", "aws.iam.Role", map("name", out.name("task", Naming.IAM_ROLE),
                "assumeRoleService", "ecs-tasks.amazonaws.com", "managedPolicyArns", List.of()));
        String sg = out.add("securityGroup", "aws.ec2.SecurityGroup", map("vpcId", ctx.vpcId(vpc.name()),
                "name", out.name("tasks"), "description", "tasks of " + s.name() + ": ingress from its load balancer only",
                "ingress", List.of(), "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
        String td = out.add("taskDefinition", "aws.ecs.TaskDefinition", map("family", out.name(""),
                "cpu", String.valueOf(s.cpu()), "memory", String.valueOf(s.memory()), "networkMode", "awsvpc",
                "requiresCompatibilities", List.of("FARGATE"), "executionRoleArn", ref(execRole, "arn"),
                "taskRoleArn", ref(taskRole, "arn"), "containerDefinitions", List.of(container(s, image, out, ctx))));
        LoadBalancerParts lb = s.loadBalancer() == null ? null : new LoadBalancerParts(s, out, ctx, vpc);
        if (lb != null) lb.expand(sg);
        boolean blueGreen = s.deployment().strategy() == ServiceDef.Deployment.Strategy.BLUE_GREEN && lb != null;
        boolean nat = vpc.nat() != VpcDef.NatMode.NONE;
        String service = out.add("service", "aws.ecs.Service", map("serviceName", out.name(""),
                "cluster", ref(s.cluster() + "/cluster", "arn"), "taskDefinition", ref(td, "arn"),
                "desiredCount", s.scaling() == null ? 1 : s.scaling().min(), "launchType", "FARGATE",
                "subnets", ctx.subnets(vpc.name(), nat), "securityGroups", List.of(ref(sg, "id")), "assignPublicIp", !nat,
                "deploymentController", blueGreen ? "CODE_DEPLOY" : "ECS",
                "codeDeploy", blueGreen ? map("applicationName", out.name(""), "deploymentGroupName", out.name("")) : null,
                "deploymentCircuitBreaker", blueGreen ? null : map("enable", true, "rollback", true),
                "healthCheckGracePeriodSeconds", lb == null ? null : 60,
                "loadBalancers", lb == null ? List.of() : List.of(map("targetGroupArn", ref(out.address("targetGroup"), "arn"),
                        "containerName", s.name(), "containerPort", s.port()))),
                lb == null ? new String[0] : lb.attachments().toArray(String[]::new));
        if (blueGreen) new BlueGreenParts(s, out, ctx, lb).expand(service);
        if (s.scaling() != null) scaling(s, out, service);
    }

    private static Object image(ServiceDef s, Emitter out, Expansion ctx) {
        if (!s.image().isBuild()) return s.image().uri();
        String repo = out.add("repository", "aws.ecr.Repository", map("repositoryName", out.name(""),
                "imageTagMutability", "IMMUTABLE", "scanOnPush", true, "encryptionType", "AES256"));
        String img = out.add("image", "docker.Image", map("context", s.image().context(), "dockerfile", s.image().dockerfile(),
                "contentDigest", ContentDigest.of(ctx.baseDir().resolve(s.image().context()), s.image().dockerfile()),
                "repositoryUrl", ref(repo, "repositoryUrl"), "platform", "linux/amd64"));
        return ref(img, "imageUri");
    }

    private static Map<String, Object> container(ServiceDef s, Object image, Emitter out, Expansion ctx) {
        TaskSecrets secrets = new TaskSecrets(s, ctx);
        return map("name", s.name(), "image", image, "essential", true,
                "portMappings", List.of(map("containerPort", s.port(), "protocol", "tcp")),
                "environment", secrets.environment(), "secrets", secrets.valueFrom(),
                "logConfiguration", map("logDriver", "awslogs", "options", map("awslogs-group", ref(out.address("logGroup"), "name"),
                        "awslogs-region", ctx.config().region(), "awslogs-stream-prefix", s.name())));
    }

    private static void scaling(ServiceDef s, Emitter out, String service) {
        Object resourceId = concat("service/", ref(s.cluster() + "/cluster", "name"), "/", ref(service, "name"));
        String target = out.add("scalingTarget", "aws.appautoscaling.Target", map("serviceNamespace", "ecs",
                "resourceId", resourceId, "scalableDimension", "ecs:service:DesiredCount",
                "minCapacity", s.scaling().min(), "maxCapacity", s.scaling().max()));
        out.add("scalingPolicy", "aws.appautoscaling.Policy", map("policyName", out.name("cpu"),
                "serviceNamespace", "ecs", "resourceId", resourceId, "scalableDimension", "ecs:service:DesiredCount",
                "policyType", "TargetTrackingScaling", "targetValue", s.scaling().cpu(),
                "predefinedMetricType", "ECSServiceAverageCPUUtilization", "scaleInCooldown", 300, "scaleOutCooldown", 60), target);
    }

    @Override
    public Map<String, Object> outputs(ServiceDef s, Expansion ctx) {
        Object url = s.loadBalancer() == null ? "" : concat(s.loadBalancer().listen().get(0).protocol() + "://",
                ref(s.name() + "/loadBalancer", "dnsName"), portSuffix(s.loadBalancer().listen().get(0)));
        return map("url", url, "name", ref(s.name() + "/service", "name"),
                "loadBalancerDns", s.loadBalancer() == null ? "" : ref(s.name() + "/loadBalancer", "dnsName"),
                "securityGroup", ref(s.name() + "/securityGroup", "id"));
    }

    private static String portSuffix(ServiceDef.Listener l) {
        boolean standard = (l.port() == 80 && l.protocol().equals("http")) || (l.port() == 443 && l.protocol().equals("https"));
        return standard ? "" : ":" + l.port();
    }
}

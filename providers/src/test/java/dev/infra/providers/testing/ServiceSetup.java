package dev.infra.providers.testing;

import dev.infra.core.provider.ResourceHandle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an ECS service stands on, made through the providers: a VPC, a private subnet, a security group, a cluster, a role and logs. */
public final class ServiceSetup {
    private final ProviderFixture f;
    public final ResourceHandle vpc;
    public final ResourceHandle subnet;
    public final ResourceHandle group;
    public final ResourceHandle cluster;
    public final ResourceHandle role;
    public final ResourceHandle logs;

    public ServiceSetup(ProviderFixture f) {
        this.f = f;
        vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "name", "v"));
        subnet = f.create("net/private1", "aws.ec2.Subnet", Map.of("vpcId", vpc.physicalId(), "cidrBlock", "10.0.8.0/20",
                "availabilityZone", "us-east-1a", "mapPublicIpOnLaunch", false));
        group = f.create("web/securityGroup", "aws.ec2.SecurityGroup", Map.of("vpcId", vpc.physicalId(), "name", "tasks",
                "description", "tasks", "ingress", List.of(), "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
        cluster = f.create("cluster/cluster", "aws.ecs.Cluster", Map.of("name", "shop-dev-cluster", "containerInsights", "disabled"));
        role = f.create("web/executionRole", "aws.iam.Role", Map.of("name", "shop-dev-web-exec", "assumeRoleService", "ecs-tasks.amazonaws.com",
                "managedPolicyArns", List.of(), "inlinePolicy", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                        "Action", List.of("ssm:GetParameters"), "Resource", List.of("arn:aws:ssm:us-east-1:123456789012:parameter/shop/dev/KEY"))))));
        logs = f.create("web/logGroup", "aws.logs.LogGroup", Map.of("logGroupName", "/infra/shop/dev/web", "retentionInDays", 30));
    }

    public Map<String, Object> taskInputs(String image, String cpu) {
        return Map.of("family", "shop-dev-web", "cpu", cpu, "memory", "1024", "networkMode", "awsvpc",
                "requiresCompatibilities", List.of("FARGATE"), "executionRoleArn", f.out(role, "arn"), "taskRoleArn", f.out(role, "arn"),
                "containerDefinitions", List.of(Map.of("name", "web", "image", image, "essential", true,
                        "portMappings", List.of(Map.of("containerPort", 3000, "protocol", "tcp")),
                        "environment", Map.of("NODE_ENV", "production"),
                        "secrets", List.of(Map.of("name", "KEY", "valueFrom", "arn:aws:ssm:us-east-1:123456789012:parameter/shop/dev/KEY")),
                        "logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of("awslogs-group", "/infra/shop/dev/web")))));
    }

    /** A rolling service (circuit breaker with rollback). */
    public Map<String, Object> serviceInputs(String taskDefinition) {
        Map<String, Object> m = new HashMap<>(Map.of("serviceName", "shop-dev-web", "cluster", cluster.physicalId(), "taskDefinition", taskDefinition,
                "desiredCount", 2, "launchType", "FARGATE", "subnets", List.of(subnet.physicalId()), "securityGroups", List.of(group.physicalId()),
                "assignPublicIp", false, "deploymentController", "ECS", "loadBalancers", List.of()));
        m.put("deploymentCircuitBreaker", Map.of("enable", true, "rollback", true));
        return m;
    }

    /** A service whose deployments CodeDeploy controls, through this application and group. */
    public Map<String, Object> blueGreenInputs(String taskDefinition, String application, String deploymentGroup) {
        Map<String, Object> m = serviceInputs(taskDefinition);
        m.remove("deploymentCircuitBreaker");
        m.put("deploymentController", "CODE_DEPLOY");
        m.put("codeDeploy", Map.of("applicationName", application, "deploymentGroupName", deploymentGroup));
        return m;
    }
}

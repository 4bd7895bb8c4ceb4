package dev.infra.core.component;

import dev.infra.core.model.ServiceDef;

import java.util.List;

import static dev.infra.core.component.Inputs.concat;
import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/**
 * Blue/green through CodeDeploy: a second (green) TargetGroup, a test Listener on port 8080, the CodeDeploy
 * Application, its service Role and the DeploymentGroup (all-at-once, automatic rollback on failure and alarms,
 * the old tasks kept for {@code terminationWait}).
 */
final class BlueGreenParts {
    static final int TEST_PORT = 8080;
    private final ServiceDef s;
    private final Emitter out;
    private final Expansion ctx;
    private final LoadBalancerParts lb;

    BlueGreenParts(ServiceDef s, Emitter out, Expansion ctx, LoadBalancerParts lb) {
        this.s = s;
        this.out = out;
        this.ctx = ctx;
        this.lb = lb;
    }

    void expand(String service) {
        String green = lb.targetGroup("targetGroupGreen", "green");
        String test = out.add("testListener", "aws.elbv2.Listener", map("loadBalancerArn", ref(out.address("loadBalancer"), "arn"),
                "port", TEST_PORT, "protocol", "HTTP", "defaultAction", LoadBalancerParts.forward(green)));
        String app = out.add("codedeployApplication", "aws.codedeploy.Application", map("applicationName", out.name(""),
                "computePlatform", "ECS"));
        String role = out.add("codedeployRole", "aws.iam.Role", map("name", out.name("deploy", Naming.IAM_ROLE),
                "assumeRoleService", "codedeploy.amazonaws.com",
                "managedPolicyArns", List.of(concat("arn:", ctx.partition(), ":iam::aws:policy/AWSCodeDeployRoleForECS"))));
        out.add("deploymentGroup", "aws.codedeploy.DeploymentGroup", map("applicationName", ref(app, "name"),
                "deploymentGroupName", out.name(""), "serviceRoleArn", ref(role, "arn"),
                "deploymentConfigName", "CodeDeployDefault.ECSAllAtOnce",
                "ecsService", map("clusterName", ref(s.cluster() + "/cluster", "name"), "serviceName", ref(service, "name")),
                "terminationWaitMinutes", s.deployment().terminationWait().toMinutes(),
                "autoRollbackEvents", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"),
                "targetGroupNames", List.of(ref(out.address("targetGroup"), "name"), ref(green, "name")),
                "prodListenerArns", lb.listenerAddresses().stream().map(l -> (Object) ref(l, "arn")).toList(),
                "testListenerArns", List.of(ref(test, "arn"))));
    }
}

package dev.infra.providers.codedeploy;

import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.ECSService;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;
import software.amazon.awssdk.services.codedeploy.model.LoadBalancerInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ECS blue/green deployment group's settings both ways: from the inputs (traffic shifted as soon as the green tasks
 * are ready, the blue ones terminated after {@code terminationWaitMinutes}, automatic rollback on the listed events)
 * and, for a read, a live group in the shape of its inputs.
 */
record GroupSettings(String deploymentConfigName, String serviceRoleArn, AutoRollbackConfiguration autoRollback,
                     DeploymentStyle style, BlueGreenDeploymentConfiguration blueGreen, LoadBalancerInfo loadBalancer,
                     ECSService ecsService) {
    static GroupSettings of(Map<String, Object> in) {
        Map<String, Object> svc = Props.map(in, "ecsService");
        List<TargetGroupInfo> tgs = Props.strings(in, "targetGroupNames").stream().map(n -> TargetGroupInfo.builder().name(n).build()).toList();
        return new GroupSettings(Props.str(in, "deploymentConfigName"), Props.str(in, "serviceRoleArn"),
                AutoRollbackConfiguration.builder().enabled(true).eventsWithStrings(Props.strings(in, "autoRollbackEvents")).build(),
                DeploymentStyle.builder().deploymentType(DeploymentType.BLUE_GREEN).deploymentOption(DeploymentOption.WITH_TRAFFIC_CONTROL).build(),
                BlueGreenDeploymentConfiguration.builder()
                        .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(InstanceAction.TERMINATE)
                                .terminationWaitTimeInMinutes(Props.integer(in, "terminationWaitMinutes")))
                        .deploymentReadyOption(d -> d.actionOnTimeout(DeploymentReadyAction.CONTINUE_DEPLOYMENT)).build(),
                LoadBalancerInfo.builder().targetGroupPairInfoList(TargetGroupPairInfo.builder().targetGroups(tgs)
                        .prodTrafficRoute(p -> p.listenerArns(Props.strings(in, "prodListenerArns")))
                        .testTrafficRoute(t -> t.listenerArns(Props.strings(in, "testListenerArns"))).build()).build(),
                ECSService.builder().clusterName(Props.str(svc, "clusterName")).serviceName(Props.str(svc, "serviceName")).build());
    }

    static Map<String, Object> live(DeploymentGroupInfo g, Map<String, Object> recorded) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("applicationName", g.applicationName());
        in.put("deploymentGroupName", g.deploymentGroupName());
        in.put("serviceRoleArn", g.serviceRoleArn());
        in.put("deploymentConfigName", g.deploymentConfigName());
        ECSService s = g.ecsServices().isEmpty() ? null : g.ecsServices().get(0);
        in.put("ecsService", s == null ? Map.of() : Map.of("clusterName", s.clusterName(), "serviceName", s.serviceName()));
        var bg = g.blueGreenDeploymentConfiguration();
        in.put("terminationWaitMinutes", bg == null || bg.terminateBlueInstancesOnDeploymentSuccess() == null ? null
                : bg.terminateBlueInstancesOnDeploymentSuccess().terminationWaitTimeInMinutes());
        var rollback = g.autoRollbackConfiguration();
        in.put("autoRollbackEvents", rollback == null || !Boolean.TRUE.equals(rollback.enabled()) ? List.of()
                : Props.inRecordedOrder(rollback.eventsAsStrings(), recorded, "autoRollbackEvents"));
        TargetGroupPairInfo pair = g.loadBalancerInfo() == null || g.loadBalancerInfo().targetGroupPairInfoList().isEmpty() ? null
                : g.loadBalancerInfo().targetGroupPairInfoList().get(0);
        in.put("targetGroupNames", pair == null ? List.of() : pair.targetGroups().stream().map(TargetGroupInfo::name).toList());
        in.put("prodListenerArns", pair == null || pair.prodTrafficRoute() == null ? List.of() : pair.prodTrafficRoute().listenerArns());
        in.put("testListenerArns", pair == null || pair.testTrafficRoute() == null ? List.of() : pair.testTrafficRoute().listenerArns());
        return in;
    }
}

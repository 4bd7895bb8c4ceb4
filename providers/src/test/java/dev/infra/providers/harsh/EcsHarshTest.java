package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import dev.infra.providers.testing.ServiceSetup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Harsh FakeAws: ECS and Application Auto Scaling right after what they stand on was made. */
class EcsHarshTest {
    private static final String RESOURCE = "service/shop-dev-cluster2/shop-dev-web";
    private final ProviderFixture f = new ProviderFixture();
    private final List<String> waits = new ArrayList<>();

    @Test
    void aFreshAccountGetsEcsServiceLinkedRoleMadeBeforeItsFirstCluster() {
        f.fake.harsh(14);
        assertThatThrownBy(() -> f.client(EcsClient.class).createCluster(b -> b.clusterName("x")))
                .as("without the role").hasMessageContaining("Unable to assume the service linked role");
        f.create("cluster/cluster", "aws.ecs.Cluster", Map.of("name", "shop-dev-cluster", "containerInsights", "disabled"), waits);
        f.create("cluster/cluster2", "aws.ecs.Cluster", Map.of("name", "shop-dev-cluster2", "containerInsights", "disabled"), waits);
        assertThat(f.fake.calls().count("iam:CreateServiceLinkedRole")).as("asked for each cluster; the second time it exists").isEqualTo(2);
        assertThat(waits).allMatch(w -> w.startsWith("ECS cannot use its service-linked role for cluster shop-dev-cluster yet (AWS propagation)"));
    }

    @Test
    void theRoleReportedAlreadyThereAsEntityAlreadyExistsIsTakenAsThere() {
        f.fake.faults().failAt("iam:CreateServiceLinkedRole", 1, () -> dev.infra.fixtures.aws.FakeAws.error("iam:CreateServiceLinkedRole",
                "EntityAlreadyExists", "Role with name AWSServiceRoleForECS already exists.", 409));
        ResourceHandle cluster = f.create("cluster/cluster", "aws.ecs.Cluster", Map.of("name", "shop-dev-cluster", "containerInsights", "disabled"));
        assertThat(cluster.physicalId()).contains("shop-dev-cluster");
        assertThat(f.fake.calls().count("iam:CreateServiceLinkedRole")).isEqualTo(1);
    }

    @Test
    void aServiceWaitsUntilItsNewClusterIsFound() {
        f.fake.harsh(2);
        ServiceSetup env = new ServiceSetup(f);
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:1", "256"));
        ResourceHandle cluster = f.create("cluster/cluster2", "aws.ecs.Cluster", Map.of("name", "shop-dev-cluster2", "containerInsights", "disabled"));
        Map<String, Object> in = new HashMap<>(env.serviceInputs(td.physicalId()));
        in.put("cluster", cluster.physicalId());

        assertThatThrownBy(() -> f.client(EcsClient.class).createService(b -> b.cluster(cluster.physicalId()).serviceName("x")))
                .as("without a retry").hasMessageContaining("ClusterNotFoundException");
        f.create("web/service", "aws.ecs.Service", in, waits);
        assertThat(waits).first().asString().isEqualTo("ECS cannot find the new cluster of service shop-dev-web yet (AWS propagation), 0 s");
    }

    @Test
    void aServiceWaitsUntilECSSeesTheListenerInFrontOfItsTargetGroup() {
        f.fake.harsh(3);
        ServiceSetup env = new ServiceSetup(f);
        Network net = new Network(f);
        ResourceHandle tg = net.targetGroup(env.vpc.physicalId(), "shop-dev-web");
        net.listener(net.balancer("shop-dev-web"), tg);
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:1", "256"));
        Map<String, Object> in = new HashMap<>(env.serviceInputs(td.physicalId()));
        in.put("loadBalancers", List.of(Map.of("targetGroupArn", tg.physicalId(), "containerName", "web", "containerPort", 3000)));

        assertThatThrownBy(() -> f.client(EcsClient.class).createService(b -> b.cluster(env.cluster.physicalId()).serviceName("x")
                .loadBalancers(l -> l.targetGroupArn(tg.physicalId())))).as("without a retry").hasMessageContaining("does not have an associated load balancer");
        f.create("web/service", "aws.ecs.Service", in, waits);
        assertThat(waits).first().asString().startsWith("ECS does not see the load balancer in front of service shop-dev-web yet (AWS propagation)");
    }

    @Test
    void scalingWaitsUntilApplicationAutoScalingSeesTheNewServiceAndItsTarget() {
        f.fake.harsh(4);
        ServiceSetup env = new ServiceSetup(f);
        ResourceHandle cluster = f.create("cluster/cluster2", "aws.ecs.Cluster", Map.of("name", "shop-dev-cluster2", "containerInsights", "disabled"));
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:1", "256"));
        f.fake.clock().advance(java.time.Duration.ofSeconds(10));
        f.client(EcsClient.class).createService(b -> b.cluster(cluster.physicalId()).serviceName("shop-dev-web").taskDefinition(td.physicalId())
                .desiredCount(1).launchType("FARGATE").networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(env.subnet.physicalId())
                        .securityGroups(env.group.physicalId()))));
        ApplicationAutoScalingClient scaling = f.client(ApplicationAutoScalingClient.class);

        assertThatThrownBy(() -> scaling.registerScalableTarget(b -> b.serviceNamespace("ecs").resourceId(RESOURCE)
                .scalableDimension("ecs:service:DesiredCount").minCapacity(1).maxCapacity(4))).as("without a retry").hasMessageContaining("ECS service doesn't exist");
        f.create("web/scalingTarget", "aws.appautoscaling.Target", Map.of("serviceNamespace", "ecs", "resourceId", RESOURCE,
                "scalableDimension", "ecs:service:DesiredCount", "minCapacity", 1, "maxCapacity", 4), waits);
        assertThat(waits).first().asString().isEqualTo("Application Auto Scaling cannot see " + RESOURCE + " yet (AWS propagation), 0 s");

        waits.clear();
        assertThatThrownBy(() -> scaling.putScalingPolicy(b -> b.policyName("p").serviceNamespace("ecs").resourceId(RESOURCE)
                .scalableDimension("ecs:service:DesiredCount"))).as("without a retry").hasMessageContaining("No scalable target registered");
        f.create("web/scalingPolicy", "aws.appautoscaling.Policy", Map.of("policyName", "shop-dev-web-cpu", "serviceNamespace", "ecs",
                "resourceId", RESOURCE, "scalableDimension", "ecs:service:DesiredCount", "policyType", "TargetTrackingScaling", "targetValue", 70.0,
                "predefinedMetricType", "ECSServiceAverageCPUUtilization", "scaleInCooldown", 300, "scaleOutCooldown", 60), waits);
        assertThat(waits).first().asString().startsWith("Application Auto Scaling has not registered " + RESOURCE + " yet (AWS propagation)");
    }

    private Map<String, Object> withRole(ServiceSetup env, String image, ResourceHandle role) {
        Map<String, Object> td = new HashMap<>(env.taskInputs(image, "256"));
        td.put("executionRoleArn", f.out(role, "arn"));
        td.put("taskRoleArn", f.out(role, "arn"));
        return td;
    }

    @Test
    void aRolloutWaitsWhileEcsCannotAssumeTheNewExecutionRoleYet() {
        f.fake.harsh(6);
        ServiceSetup env = new ServiceSetup(f);
        f.fake.clock().advance(java.time.Duration.ofMinutes(1));
        ResourceHandle role = f.create("web/executionRole2", "aws.iam.Role", Map.of("name", "shop-dev-web-exec2", "assumeRoleService", "ecs-tasks.amazonaws.com",
                "managedPolicyArns", List.of()));
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", withRole(env, "nginx:1", role));
        EcsClient ecs = f.client(EcsClient.class);
        ecs.createService(b -> b.cluster(env.cluster.physicalId()).serviceName("raw").taskDefinition(td.physicalId()).desiredCount(1)
                .launchType("FARGATE").networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(env.subnet.physicalId()).securityGroups(env.group.physicalId()))));
        var raw = ecs.describeServices(b -> b.cluster(env.cluster.physicalId()).services("raw")).services().get(0);
        assertThat(raw.events()).as("no API error: only an event").first().extracting(e -> e.message()).asString()
                .contains("failed to launch a task with (error ECS was unable to assume the role '" + f.out(role, "arn") + "'");
        assertThat(raw.deployments().get(0).failedTasks()).as("not a failed task: the circuit breaker does not see it").isZero();

        f.create("web/service", "aws.ecs.Service", env.serviceInputs(td.physicalId()), waits);
        assertThat(waits).first().asString().isEqualTo("ECS cannot assume a role of the tasks of service shop-dev-web yet (AWS propagation), 0 s");
        assertThat(waits).noneMatch(w -> w.contains("gave up"));
    }

    @Test
    void aRoleEcsCanNeverAssumeFailsTheRolloutAfterTheIamBudgetWithEcsMessage() {
        ServiceSetup env = new ServiceSetup(f);
        ResourceHandle role = f.create("web/executionRole2", "aws.iam.Role", Map.of("name", "shop-dev-web-exec2", "assumeRoleService", "ec2.amazonaws.com",
                "managedPolicyArns", List.of()));
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", withRole(env, "nginx:1", role));
        java.time.Instant start = f.fake.clock().now();
        assertThatThrownBy(() -> f.create("web/service", "aws.ecs.Service", env.serviceInputs(td.physicalId()), waits))
                .hasMessageStartingWith("gave up after 2 min: ECS cannot assume a role of the tasks of service shop-dev-web yet (AWS propagation); AWS says "
                        + "(service shop-dev-web) failed to launch a task with (error ECS was unable to assume the role '" + f.out(role, "arn")
                        + "' that was provided for this task. Please verify that the role being passed has the proper trust relationship");
        assertThat(java.time.Duration.between(start, f.fake.clock().now())).as("the IAM budget, not the rollout's 30 min")
                .isBetween(java.time.Duration.ofMinutes(2), java.time.Duration.ofMinutes(3));
    }
}

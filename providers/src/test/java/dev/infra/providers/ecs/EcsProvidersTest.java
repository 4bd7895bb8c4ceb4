package dev.infra.providers.ecs;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeEc2;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.providers.testing.ProviderFixture;
import dev.infra.providers.testing.ServiceSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsProvidersTest {
    private final ProviderFixture f = new ProviderFixture();
    private ServiceSetup env;
    private ResourceHandle subnet;
    private ResourceHandle group;
    private ResourceHandle cluster;
    private ResourceHandle role;
    private ResourceHandle logs;

    @BeforeEach
    void network() {
        env = new ServiceSetup(f);
        subnet = env.subnet;
        group = env.group;
        cluster = env.cluster;
        role = env.role;
        logs = env.logs;
    }

    private Map<String, Object> taskInputs(String image, String cpu) {
        return env.taskInputs(image, cpu);
    }

    private Map<String, Object> serviceInputs(String taskDefinition) {
        return env.serviceInputs(taskDefinition);
    }

    @Test
    void aServiceRollsOutIsReadInOneCallAndRollsANewRevision() {
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", taskInputs("nginx:1", "256"));
        assertThat(td.physicalId()).endsWith("task-definition/shop-dev-web:1");
        ResourceHandle svc = f.create("web/service", "aws.ecs.Service", serviceInputs(td.physicalId()));
        assertThat(f.fake.clock().slept().toSeconds()).as("waited for the rollout").isGreaterThanOrEqualTo(60);
        assertThat(f.fake.iamPolicy("shop-dev-web-exec")).contains("parameter/shop/dev/KEY");

        f.fake.calls().clear();
        assertThat(f.provider("aws.ecs.Service").read(List.of(svc)).get("web/service").inputs())
                .containsEntry("taskDefinition", td.physicalId()).containsEntry("subnets", List.of(subnet.physicalId()));
        assertThat(f.provider("aws.ecs.TaskDefinition").read(List.of(td))).containsKey("web/taskDefinition");
        assertThat(f.provider("aws.logs.LogGroup").read(List.of(logs)).get("web/logGroup").inputs()).containsEntry("retentionInDays", 30);
        assertThat(f.fake.calls().all()).containsExactly("ecs:DescribeServices", "ecs:ListTaskDefinitions", "logs:DescribeLogGroups");

        f.provider("aws.ecs.TaskDefinition").delete(td);
        ResourceHandle td2 = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", taskInputs("nginx:2", "512"));
        assertThat(td2.physicalId()).endsWith(":2");
        ResourceHandle svc2 = f.updated(svc, serviceInputs(td2.physicalId()));
        assertThat(f.provider("aws.ecs.Service").read(List.of(svc2)).get("web/service").inputs()).containsEntry("taskDefinition", td2.physicalId());
        assertThat(f.provider("aws.ecs.TaskDefinition").read(List.of(td, td2))).containsOnlyKeys("web/taskDefinition");
    }

    @Test
    void aFailedRolloutNamesTheStoppedTasksReason() {
        f.fake.service(FakeEcs.class).failRollouts("nginx:broken", "CannotPullContainerError: pull image manifest has been retried 5 time(s)");
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", taskInputs("nginx:broken", "256"));
        List<String> waits = new ArrayList<>();
        var req = f.request("web/service", "aws.ecs.Service", serviceInputs(td.physicalId()));
        req = new dev.infra.core.provider.ResourceRequest(req.address(), req.type(), req.physicalName(), req.inputs(), req.tags(),
                req.idempotencyToken(), req.stage(), waits::add);
        var request = req;
        assertThatThrownBy(() -> f.provider("aws.ecs.Service").create(request))
                .hasMessageContaining("service shop-dev-web failed to roll out: ECS deployment circuit breaker")
                .hasMessageContaining("CannotPullContainerError");
        assertThat(waits).contains("service shop-dev-web to reach a steady state");
    }

    @Test
    void deletesWaitForTheServiceToDrainBeforeItsGroupAndClusterCanGo() {
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", taskInputs("nginx:1", "256"));
        ResourceHandle svc = f.create("web/service", "aws.ecs.Service", serviceInputs(td.physicalId()));
        assertThatThrownBy(() -> f.fake.service(FakeEc2.class).deleteSecurityGroup(b -> b.groupId(group.physicalId())))
                .hasMessageContaining("DependencyViolation");
        assertThatThrownBy(() -> f.fake.service(FakeEcs.class).deleteCluster(b -> b.cluster(cluster.physicalId())))
                .hasMessageContaining("ClusterContainsServicesException");
        List<String> waits = new ArrayList<>();
        f.provider("aws.ecs.Service").delete(svc, waits::add);
        assertThat(waits).as("the delete says what it waits for").contains("service shop-dev-web to drain");
        f.provider("aws.ecs.Service").delete(svc);
        f.provider("aws.ec2.SecurityGroup").delete(group);
        f.provider("aws.ecs.Cluster").delete(cluster);
        f.provider("aws.ecs.TaskDefinition").delete(td);
        f.provider("aws.iam.Role").delete(role);
        f.provider("aws.logs.LogGroup").delete(logs);
        assertThat(f.provider("aws.ecs.Cluster").read(List.of(cluster))).isEmpty();
        assertThat(f.fake.tagged(Map.of("infra:stage", "dev"))).allMatch(id -> id.startsWith("vpc-") || id.startsWith("subnet-"));
    }

    @Test
    void theSweepFindsTheStagesServicesByTagsAndDeletesThem() {
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", taskInputs("nginx:1", "256"));
        ResourceHandle svc = f.create("web/service", "aws.ecs.Service", serviceInputs(td.physicalId()));
        var other = new dev.infra.core.provider.StageContext("shop", "dev-2", "us-east-1", false);
        assertThat(f.provider("aws.ecs.Service").listTagged(other)).isEmpty();
        List<ResourceHandle> swept = f.provider("aws.ecs.Service").listTagged(f.stage);
        assertThat(swept).extracting(ResourceHandle::address, ResourceHandle::physicalId).containsExactly(org.assertj.core.groups.Tuple.tuple("web/service", svc.physicalId()));
        f.provider("aws.ecs.Service").delete(swept.get(0));
        assertThat(f.provider("aws.ecs.Service").listTagged(f.stage)).isEmpty();
        assertThat(f.provider("aws.ecs.Service").read(List.of(svc))).isEmpty();
    }

    @Test
    void adoptionAfterACrashFindsTheServiceAndTheSameRevision() {
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", taskInputs("nginx:1", "256"));
        var again = f.provider("aws.ecs.TaskDefinition").findExisting(f.request("web/taskDefinition", "aws.ecs.TaskDefinition", taskInputs("nginx:1", "256")));
        assertThat(again).map(a -> a.physicalId()).contains(td.physicalId());
        assertThat(f.provider("aws.ecs.TaskDefinition").findExisting(f.request("web/taskDefinition", "aws.ecs.TaskDefinition",
                taskInputs("nginx:9", "256")))).isEmpty();
        ResourceHandle svc = f.create("web/service", "aws.ecs.Service", serviceInputs(td.physicalId()));
        assertThat(f.provider("aws.ecs.Service").findExisting(f.request("web/service", "aws.ecs.Service", serviceInputs(td.physicalId()))))
                .map(a -> a.physicalId()).contains(svc.physicalId());
        assertThatThrownBy(() -> f.provider("aws.ecs.Service").create(f.request("web/other", "aws.ecs.Service", serviceInputs(td.physicalId()))))
                .isInstanceOf(dev.infra.core.provider.AlreadyExistsException.class);
    }
}

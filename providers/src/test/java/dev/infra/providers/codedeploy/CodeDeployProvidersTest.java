package dev.infra.providers.codedeploy;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeCodeDeploy;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.providers.testing.ProviderFixture;
import dev.infra.providers.testing.ServiceSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeDeployProvidersTest {
    private static final String NAME = "shop-dev-web";
    private final ProviderFixture f = new ProviderFixture();
    private ServiceSetup env;
    private ResourceHandle td1;
    private ResourceHandle service;
    private ResourceHandle app;

    @BeforeEach
    void blueGreenService() {
        env = new ServiceSetup(f);
        td1 = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:1", "256"));
        service = f.create("web/service", "aws.ecs.Service", env.blueGreenInputs(td1.physicalId(), NAME, NAME));
        app = f.create("web/codedeployApplication", "aws.codedeploy.Application", Map.of("applicationName", NAME, "computePlatform", "ECS"));
    }

    private Map<String, Object> group(int terminationWait) {
        Map<String, Object> in = new HashMap<>(Map.of("applicationName", NAME, "deploymentGroupName", NAME,
                "serviceRoleArn", "arn:aws:iam::123456789012:role/shop-dev-web-deploy", "deploymentConfigName", "CodeDeployDefault.ECSAllAtOnce",
                "ecsService", Map.of("clusterName", "shop-dev-cluster", "serviceName", NAME), "terminationWaitMinutes", terminationWait,
                "autoRollbackEvents", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"),
                "targetGroupNames", List.of("shop-dev-web", "shop-dev-web-green"), "prodListenerArns", List.of("arn:listener/80")));
        in.put("testListenerArns", List.of("arn:listener/8080"));
        return in;
    }

    private ResourceHandle shipped(String image) {
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs(image, "256"));
        service = f.updated(service, env.blueGreenInputs(td.physicalId(), NAME, NAME));
        return td;
    }

    private String liveTaskDefinition() {
        return (String) f.provider("aws.ecs.Service").read(List.of(service)).get("web/service").inputs().get("taskDefinition");
    }

    @Test
    void aGroupIsCreatedReadWithoutDriftUpdatedInPlaceAndGoesWithItsApplication() {
        ResourceHandle g = f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group(15));
        assertThat(g.physicalId()).isEqualTo(NAME + "/" + NAME);
        f.fake.calls().clear();
        assertThat(f.provider("aws.codedeploy.DeploymentGroup").read(List.of(g)).get("web/deploymentGroup").inputs())
                .as("what was asked reads back unchanged").isEqualTo(g.inputs());
        assertThat(f.provider("aws.codedeploy.Application").read(List.of(app)).get("web/codedeployApplication").inputs())
                .isEqualTo(app.inputs());
        assertThat(f.fake.calls().all()).containsExactly("codedeploy:GetDeploymentGroup", "codedeploy:GetApplication");

        ResourceHandle changed = f.updated(g, group(5));
        assertThat(f.provider("aws.codedeploy.DeploymentGroup").read(List.of(changed)).get("web/deploymentGroup").inputs())
                .containsEntry("terminationWaitMinutes", 5);
        assertThat(f.provider("aws.codedeploy.Application").listTagged(f.stage)).extracting(ResourceHandle::address)
                .containsExactly("web/codedeployApplication");

        f.provider("aws.codedeploy.Application").delete(app);
        f.provider("aws.codedeploy.DeploymentGroup").delete(changed);
        assertThat(f.provider("aws.codedeploy.DeploymentGroup").read(List.of(changed))).isEmpty();
        assertThat(f.provider("aws.codedeploy.Application").read(List.of(app))).isEmpty();
    }

    @Test
    void aGroupNeedsACodeDeployControlledServiceAndIsAdoptedOnlyWithItsTags() {
        Map<String, Object> wrong = group(15);
        wrong.put("ecsService", Map.of("clusterName", "shop-dev-cluster", "serviceName", "nope"));
        assertThatThrownBy(() -> f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", wrong))
                .hasMessageContaining("InvalidECSServiceException");
        f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group(15));
        var again = f.request("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group(15));
        assertThatThrownBy(() -> f.provider("aws.codedeploy.DeploymentGroup").create(again)).isInstanceOf(AlreadyExistsException.class);
        assertThat(f.provider("aws.codedeploy.DeploymentGroup").findExisting(again)).isPresent();
        assertThat(f.provider("aws.codedeploy.DeploymentGroup").findExisting(f.request("other/group", "aws.codedeploy.DeploymentGroup", group(15)))).isEmpty();
    }

    @Test
    void aNewImageGoesOutThroughCodeDeployUnderThrottlingAndAFailureIsRolledBack() {
        f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group(15));
        f.fake.faults().throttle(0.3).failAt("codedeploy:CreateDeployment", 1);
        ResourceHandle td2 = shipped("nginx:2");
        assertThat(liveTaskDefinition()).isEqualTo(td2.physicalId());
        assertThat(f.fake.faults().throttledCalls()).isPositive();

        f.fake.faults().throttle(0);
        ResourceHandle td3 = shipped("nginx:3");
        assertThat(liveTaskDefinition()).as("the second waited for the first's termination wait to be cut").isEqualTo(td3.physicalId());
        assertThat(f.fake.service(FakeCodeDeploy.class).deployments()).hasSize(2).allMatch(d -> d.contains(" Succeeded ") || d.contains(" InProgress "));

        f.fake.service(FakeEcs.class).failRollouts("nginx:bad", "CannotPullContainerError: nginx:bad not found");
        assertThatThrownBy(() -> shipped("nginx:bad")).hasMessageContaining("blue/green deployment d-")
                .hasMessageContaining("failed").hasMessageContaining("CannotPullContainerError").hasMessageContaining("rolled back");
        assertThat(liveTaskDefinition()).as("rolled back: still the last good one").isEqualTo(td3.physicalId());
    }

    @Test
    void aNewSecurityGroupGoesOutThroughCodeDeployToo() {
        f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group(15));
        ResourceHandle sg2 = f.create("web/securityGroup2", "aws.ec2.SecurityGroup", Map.of("vpcId", env.vpc.physicalId(), "name", "tasks2",
                "description", "tasks", "ingress", List.of(), "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
        Map<String, Object> inputs = env.blueGreenInputs(td1.physicalId(), NAME, NAME);
        inputs.put("securityGroups", List.of(sg2.physicalId()));
        service = f.updated(service, inputs);
        assertThat(f.provider("aws.ecs.Service").read(List.of(service)).get("web/service").inputs().get("securityGroups"))
                .isEqualTo(List.of(sg2.physicalId()));
        assertThat(f.fake.service(FakeCodeDeploy.class).deployments()).singleElement().asString().contains(td1.physicalId());
    }

    @Test
    void aDeploymentLeftRunningByAKilledDeployIsAwaitedNotDuplicated() {
        f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group(15));
        ResourceHandle td2 = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:2", "256"));
        var inputs = env.blueGreenInputs(td2.physicalId(), NAME, NAME);
        f.fake.service(FakeCodeDeploy.class).createDeployment(b -> b.applicationName(NAME).deploymentGroupName(NAME)
                .revision(r -> r.revisionType("AppSpecContent").appSpecContent(c -> c.content(
                        "{\"version\":\"0.0\",\"Resources\":[{\"TargetService\":{\"Type\":\"AWS::ECS::Service\",\"Properties\":{\"TaskDefinition\":\""
                                + td2.physicalId() + "\"}}}]}"))));
        f.updated(service, inputs);
        assertThat(liveTaskDefinition()).isEqualTo(td2.physicalId());
        assertThat(f.fake.service(FakeCodeDeploy.class).deployments()).as("no second deployment for the same revision").hasSize(1);
    }

    @Test
    void aNewImageWithoutADeploymentGroupIsAClearError() {
        assertThatThrownBy(() -> shipped("nginx:2")).hasMessageContaining("service shop-dev-web deploys through CodeDeploy")
                .hasMessageContaining("deployment group shop-dev-web/shop-dev-web does not exist");
        assertThat(liveTaskDefinition()).isEqualTo(td1.physicalId());
    }

    @Test
    void deletesOfMissingGroupsAndApplicationsAreQuiet() {
        ResourceHandle g = f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group(15));
        f.provider("aws.codedeploy.DeploymentGroup").delete(g);
        f.provider("aws.codedeploy.DeploymentGroup").delete(g);
        f.provider("aws.codedeploy.Application").delete(app);
        f.provider("aws.codedeploy.Application").delete(app);
        f.provider("aws.codedeploy.DeploymentGroup").delete(g);
        assertThat(f.fake.tagged(Map.of("infra:resource", "web/codedeployApplication"))).isEmpty();
    }
}

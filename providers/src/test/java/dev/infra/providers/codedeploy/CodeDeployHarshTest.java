package dev.infra.providers.codedeploy;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeCodeDeploy;
import dev.infra.providers.testing.ProviderFixture;
import dev.infra.providers.testing.ServiceSetup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Harsh FakeAws: a service role CodeDeploy cannot assume yet right after it was made; a deployment just started that
 * ListDeployments does not show yet, while CreateDeployment refuses a second one.
 */
class CodeDeployHarshTest {
    private static final String NAME = "shop-dev-web";
    private final ProviderFixture f = new ProviderFixture();

    @Test
    void aDeploymentGroupWaitsUntilCodeDeployCanAssumeItsNewRole() {
        f.fake.harsh(1);
        ServiceSetup env = new ServiceSetup(f);
        ResourceHandle td = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:1", "256"));
        f.create("web/service", "aws.ecs.Service", env.blueGreenInputs(td.physicalId(), NAME, NAME));
        f.create("web/codedeployApplication", "aws.codedeploy.Application", Map.of("applicationName", NAME, "computePlatform", "ECS"));
        ResourceHandle role = f.create("web/deployRole", "aws.iam.Role", Map.of("name", "shop-dev-web-deploy", "assumeRoleService", "codedeploy.amazonaws.com",
                "managedPolicyArns", List.of("arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS")));
        Map<String, Object> group = Map.of("applicationName", NAME, "deploymentGroupName", NAME, "serviceRoleArn", f.out(role, "arn"),
                "deploymentConfigName", "CodeDeployDefault.ECSAllAtOnce", "ecsService", Map.of("clusterName", "shop-dev-cluster", "serviceName", NAME),
                "terminationWaitMinutes", 5, "autoRollbackEvents", List.of("DEPLOYMENT_FAILURE"), "targetGroupNames", List.of("a", "b"),
                "prodListenerArns", List.of("arn:listener/80"), "testListenerArns", List.of());

        assertThatThrownBy(() -> f.client(CodeDeployClient.class).createDeploymentGroup(b -> b.applicationName(NAME).deploymentGroupName(NAME)
                .serviceRoleArn(f.out(role, "arn")))).as("without a retry").hasMessageContaining("InvalidRoleException");
        List<String> waits = new ArrayList<>();
        ResourceHandle g = f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", group, waits);
        assertThat(g.physicalId()).isEqualTo(NAME + "/" + NAME);
        assertThat(waits).isNotEmpty().allMatch(w -> w.startsWith("CodeDeploy cannot assume role " + f.out(role, "arn") + " yet (AWS propagation), "));
    }

    private static String appSpec(String taskDefinition) {
        return "{\"version\":\"0.0\",\"Resources\":[{\"TargetService\":{\"Type\":\"AWS::ECS::Service\",\"Properties\":{\"TaskDefinition\":\""
                + taskDefinition + "\"}}}]}";
    }

    /** A blue/green service on nginx:1 with its CodeDeploy application and deployment group. */
    private ResourceHandle blueGreenServiceWithItsGroup(ServiceSetup env) {
        ResourceHandle td1 = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:1", "256"));
        ResourceHandle service = f.create("web/service", "aws.ecs.Service", env.blueGreenInputs(td1.physicalId(), NAME, NAME));
        f.create("web/codedeployApplication", "aws.codedeploy.Application", Map.of("applicationName", NAME, "computePlatform", "ECS"));
        f.create("web/deploymentGroup", "aws.codedeploy.DeploymentGroup", Map.of("applicationName", NAME, "deploymentGroupName", NAME,
                "serviceRoleArn", "arn:aws:iam::123456789012:role/shop-dev-web-deploy", "deploymentConfigName", "CodeDeployDefault.ECSAllAtOnce",
                "ecsService", Map.of("clusterName", "shop-dev-cluster", "serviceName", NAME), "terminationWaitMinutes", 5,
                "autoRollbackEvents", List.of("DEPLOYMENT_FAILURE"), "targetGroupNames", List.of("a", "b"), "prodListenerArns", List.of("arn:listener/80"),
                "testListenerArns", List.of()));
        return service;
    }

    @Test
    void aDeploymentStartedByAnotherHandIsAwaitedThenTheChangeGoesOut() {
        f.fake.harsh(5);
        ServiceSetup env = new ServiceSetup(f);
        ResourceHandle service = blueGreenServiceWithItsGroup(env);
        ResourceHandle td2 = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:2", "256"));
        ResourceHandle td3 = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:3", "256"));
        CodeDeployClient codeDeploy = f.client(CodeDeployClient.class);
        String other = codeDeploy.createDeployment(b -> b.applicationName(NAME).deploymentGroupName(NAME)
                .revision(r -> r.revisionType("AppSpecContent").appSpecContent(c -> c.content(appSpec(td2.physicalId()))))).deploymentId();

        assertThat(codeDeploy.listDeployments(b -> b.applicationName(NAME).deploymentGroupName(NAME)).deployments()).as("not listed yet").isEmpty();
        assertThatThrownBy(() -> codeDeploy.createDeployment(b -> b.applicationName(NAME).deploymentGroupName(NAME)
                .revision(r -> r.revisionType("AppSpecContent").appSpecContent(c -> c.content(appSpec(td3.physicalId()))))))
                .as("without a wait").hasMessageContaining("DeploymentLimitExceededException").hasMessageContaining(other);
        List<String> waits = new ArrayList<>();
        f.updated(service, env.blueGreenInputs(td3.physicalId(), NAME, NAME), waits);

        assertThat(waits).first().asString().isEqualTo("CodeDeploy group " + NAME + "/" + NAME + " already has an active deployment " + other
                + " (busy): awaiting it first");
        assertThat(f.fake.service(FakeCodeDeploy.class).deployments()).as("the other one, then the change").hasSize(2)
                .first().asString().startsWith(other + " Succeeded " + td2.physicalId());
        assertThat(f.provider("aws.ecs.Service").read(List.of(service)).get("web/service").inputs().get("taskDefinition")).isEqualTo(td3.physicalId());
    }

    @Test
    void aDeploymentWhoseStartWasNotAnsweredIsAwaitedNotStartedTwice() {
        f.fake.harsh(7);
        ServiceSetup env = new ServiceSetup(f);
        ResourceHandle service = blueGreenServiceWithItsGroup(env);
        ResourceHandle td2 = f.create("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:2", "256"));
        f.fake.loseResponse("CreateDeployment", 1);

        f.updated(service, env.blueGreenInputs(td2.physicalId(), NAME, NAME), new ArrayList<>());

        assertThat(f.fake.calls().count("codedeploy:CreateDeployment")).as("the unanswered start, then the start CodeDeploy refused").isEqualTo(2);
        assertThat(f.fake.service(FakeCodeDeploy.class).deployments()).as("the unanswered start made the one deployment").hasSize(1)
                .first().asString().contains("Succeeded " + td2.physicalId());
        assertThat(f.provider("aws.ecs.Service").read(List.of(service)).get("web/service").inputs().get("taskDefinition")).isEqualTo(td2.physicalId());
    }
}

package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.fixtures.aws.FakeElb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra status} on FakeAws: a deployed app is steady and healthy (exit 0); a service whose new tasks keep
 * failing shows why they stopped and exits 7; so does one whose targets fail their health checks, with ELB's reason.
 */
class StatusOnFakeAwsTest {
    @TempDir
    Path dir;
    private String name;
    private FakeAws fake;
    private AwsScenario scenario;

    @BeforeEach
    void setUp() throws Exception {
        name = "status-" + UUID.randomUUID();
        fake = FakeAws.named(name).pageSize(100);
        scenario = new AwsScenario(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), AwsScenario.Images.FAKE);
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    @Test
    void aServiceWhoseTasksKeepFailingShowsWhyAndExitsSeven() throws Exception {
        scenario.deploy();
        Cli.Result steady = scenario.run("status");
        assertThat(steady.code()).as(steady.out() + steady.err()).isZero();
        assertThat(steady.out()).contains("service web (shop-e2e-web): steady and healthy").contains("service api (shop-e2e-api): steady and healthy")
                .contains("tasks: 1 desired, 1 running, 0 pending").contains("rollout: rolling COMPLETED, 100% (1 of 1 tasks on the new revision)")
                .contains("image: example/web:1").contains("targets: 1 healthy, 0 not healthy")
                .contains("(service shop-e2e-web) has reached a steady state.").contains("All steady and healthy.")
                .doesNotContain("stopped tasks");

        fake.service(FakeEcs.class).failRollouts("example/web:2", "CannotPullContainerError: pull access denied for example/web");
        scenario.changeImageAndCpu();
        Cli.Result failed = scenario.run("deploy", "--yes");
        assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(1);

        Cli.Result status = scenario.run("status");
        assertThat(status.code()).as(status.out() + status.err()).isEqualTo(7);
        assertThat(status.out()).contains("service web (shop-e2e-web): NOT steady or healthy")
                .contains("! rollout failed: ECS deployment circuit breaker: tasks failed to start.")
                .contains("stopped tasks: CannotPullContainerError: pull access denied for example/web | Task failed to start")
                .contains("is unable to consistently start tasks successfully").contains("service api (shop-e2e-api): steady and healthy")
                .contains("1 of 2 not steady or healthy: web/service.");
        assertThat(status.out()).as("the tasks the first deploy replaced stopped for a benign reason, not shown as failures")
                .doesNotContain("Scaling activity");
        Cli.Result json = scenario.run("status", "--json");
        assertThat(json.code()).isEqualTo(7);
        assertThat(json.out()).contains("\"healthy\" : false").contains("\"stoppedReasons\" : [ \"CannotPullContainerError: pull access denied for example/web\"");

        Cli.Result apiOnly = scenario.run("status", "api");
        assertThat(apiOnly.code()).as("only api is asked about: " + apiOnly.out()).isZero();
        assertThat(apiOnly.out()).doesNotContain("service web");
        Cli.Result unknown = scenario.run("status", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("'nope' is not a service of infra.yaml; services: api, web");
    }

    @Test
    void targetsFailingTheirHealthChecksShowElbsReason() {
        scenario.deploy();
        fake.service(FakeElb.class).failHealthChecks("example/api:1", 502);
        Cli.Result status = scenario.run("status", "api");
        assertThat(status.code()).as(status.out() + status.err()).isEqualTo(7);
        assertThat(status.out()).contains("targets: 0 healthy, 1 not healthy")
                .containsPattern("10\\.0\\.\\d+\\.\\d+:3001 unhealthy Target.ResponseCodeMismatch: Health checks failed with these codes: \\[502\\]")
                .contains("! target ");
    }

    @Test
    void oneReadPerAwsTypeAndNothingDeployedIsNotHealthy() {
        Cli.Result nothing = scenario.run("status");
        assertThat(nothing.code()).isEqualTo(7);
        assertThat(nothing.out()).contains("Nothing of stage e2e is deployed.");
        scenario.deploy();
        fake.calls().clear();
        assertThat(scenario.run("status").code()).isZero();
        Map<String, Integer> calls = fake.calls().counts();
        assertThat(calls).as("status only reads: " + calls).allSatisfy((op, n) -> assertThat(op).matches("\\w+(-\\w+)*:(Describe|List|Get)\\w*"));
        assertThat(calls).containsEntry("ecs:DescribeServices", 1).containsEntry("elbv2:DescribeTargetHealth", 2)
                .containsEntry("ecs:DescribeTaskDefinition", 2).doesNotContainKey("ecs:ListTasks");
    }
}

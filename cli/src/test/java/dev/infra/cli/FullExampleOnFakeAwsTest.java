package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeCodeDeploy;
import dev.infra.providers.docker.FakeDocker;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.fixtures.aws.FakeRds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's full example (the repo's infra.yaml: VPC with NAT instance and bastion, cluster, Aurora, two services
 * with secrets, a link, scaling and path rules, WAF) through the CLI against FakeAws: secrets load, deploy, clean
 * diffs, a change of database scaling and rate limit that the diff shows exactly, deploy, remove; and a protected
 * stage, with an RDS Proxy, whose remove keeps its database (and a second remove too). Images are built from
 * the example's sources by FakeDocker (no Docker engine here) and pushed to FakeEcr. api deploys blue/green through CodeDeploy, successfully and with a rollback.
 */
class FullExampleOnFakeAwsTest {
    @TempDir
    Path dir;
    private String name;
    private FakeAws fake;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        name = "full-" + UUID.randomUUID();
        fake = FakeAws.named(name).pageSize(100);
        cli = new Cli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name));
        copy(Path.of("..", "example"), dir.resolve("example"));
        write(200, "max: 4, pauseAfter");
        Files.writeString(dir.resolve(".env"), "SESSION_SECRET=\"s-1\"\nexport STRIPE_SECRET_KEY='sk_test_1'\n");
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    private void write(int rateLimit, String dbScaling) throws Exception {
        write(rateLimit, dbScaling, false);
    }

    private void write(int rateLimit, String dbScaling, boolean proxy) throws Exception {
        write(rateLimit, dbScaling, proxy, null);
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /** The repo's infra.yaml with these changes; images are built from source (FakeDocker) unless {@code apiImage} is given. */
    private void write(int rateLimit, String dbScaling, boolean proxy, String apiImage) throws Exception {
        String app = Files.readString(Path.of("..", "infra.yaml"));
        if (apiImage != null) app = app.replace("image: { context: example, dockerfile: apps/erp/Dockerfile }", "image: \"example/erp:1\"")
                .replace("image: { context: example, dockerfile: apps/api/Dockerfile }", "image: \"" + apiImage + "\"");
        app = app
                .replace("stages:\n", "stages:\n  staging:\n    protect: true\n")
                .replace("rateLimit: 200", "rateLimit: " + rateLimit)
                .replace("max: 4, pauseAfter", dbScaling)
                .replace("proxy: false", "proxy: " + proxy);
        Files.writeString(dir.resolve("infra.yaml"), app);
    }

    private Cli.Result run(String stage, String... args) {
        Cli.Result r = cli.run(Stream.concat(Stream.of(args), Stream.of("--stage", stage, "--no-color")).toArray(String[]::new));
        return r;
    }

    private void ok(Cli.Result r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    private void clean(String stage) {
        for (String[] args : new String[][] {{"diff", "--detailed-exitcode"}, {"diff", "--detailed-exitcode", "--refresh"}}) {
            Cli.Result r = run(stage, args);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }
    }

    @Test
    void secretsDeployCleanDiffChangeScalingAndRateLimitRemove() throws Exception {
        ok(run("dev", "secrets", "load", ".env"));
        ok(run("dev", "deploy", "--yes"));
        assertThat(FakeDocker.of(fake).builds()).as("both images built from source and pushed to ECR").hasSize(2);
        Cli.Result outputs = run("dev", "outputs", "--json");
        assertThat(outputs.out()).contains("carbon-dev-db.cluster-c9akciq32.rds.us-east-1.amazonaws.com").contains("\"db.port\" : 5432").contains("\"db.secretArn\" : \"arn:aws:secretsmanager:");
        String erpTask = run("dev", "state", "show", "erp/taskDefinition").out();
        assertThat(erpTask).contains("DATABASE_HOST").contains("DATABASE_PASSWORD").contains(":password::")
                .contains("parameter/carbon/dev/SESSION_SECRET").doesNotContain("s-1").doesNotContain("sk_test_1");
        assertThat(fake.iamPolicy("carbon-dev-erp-exec")).contains("parameter/carbon/dev/STRIPE_SECRET_KEY")
                .contains("secretsmanager:GetSecretValue").doesNotContain("parameter/carbon/dev/*");
        assertThat(fake.tagged(Map.of("infra:resource", "firewall/webAcl"))).hasSize(1);
        fake.calls().clear();
        clean("dev");
        System.out.println("refreshed no-op diff of the full example, AWS calls: " + new java.util.TreeMap<>(fake.calls().counts()));
        assertThat(fake.calls().all()).as("a diff only reads").allMatch(op -> op.matches("\\w+(-\\w+)*:(Describe|List|Get)\\w*"));

        write(500, "max: 8, pauseAfter");
        Cli.Result diff = run("dev", "diff", "--detailed-exitcode");
        assertThat(diff.code()).as(diff.out() + diff.err()).isEqualTo(4);
        assertThat(diff.out()).contains("~ db/cluster").contains("serverlessV2ScalingConfiguration.maxCapacity: 4.0 -> 8.0").contains("~ firewall/webAcl")
                .contains("rules[rate-limit].rateBasedStatement.limit: 200 -> 500")
                .contains("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete");
        ok(run("dev", "deploy", "--yes"));
        assertThat(fake.service(FakeRds.class).cluster("carbon-dev-db").serverlessV2ScalingConfiguration().maxCapacity()).isEqualTo(8.0);
        assertThat(FakeDocker.of(fake).builds()).as("unchanged sources: no rebuild").hasSize(2);
        clean("dev");

        Cli.Result removed = run("dev", "remove", "--yes", "--final-snapshot");
        ok(removed);
        assertThat(removed.out()).contains("db/cluster  aws.rds.Cluster  (the stage is removed; a final snapshot is taken first)");
        assertThat(fake.service(FakeRds.class).snapshots()).singleElement().asString().startsWith("carbon-dev-db-final-");
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev"))).as("only the secrets stay: infra secrets owns them")
                .allMatch(arn -> arn.startsWith("arn:aws:ssm:")).hasSize(2);
    }

    @Test
    void statusShowsEveryServiceSteadyAndHealthyAfterTheDeploy() throws Exception {
        ok(run("dev", "secrets", "load", ".env"));
        ok(run("dev", "deploy", "--yes"));
        fake.calls().clear();
        Cli.Result status = run("dev", "status");
        ok(status);
        assertThat(status.out()).contains("service erp (carbon-dev-erp): steady and healthy").contains("service api (carbon-dev-api): steady and healthy")
                .contains("rollout: blue-green NONE, no deployment in progress").contains("database db (carbon-dev-db): available")
                .contains("writer: carbon-dev-db-writer").contains("paused: unknown").contains("erp.url = http://")
                .contains("All steady and healthy.").doesNotContain("!");
        assertThat(fake.calls().counts()).as("one batched read per AWS type").containsEntry("ecs:DescribeServices", 1)
                .containsEntry("rds:DescribeDBClusters", 1).containsEntry("rds:DescribeDBInstances", 1)
                .containsEntry("codedeploy:ListDeployments", 1).doesNotContainKey("ecs:ListTasks");
        Cli.Result json = run("dev", "status", "--json");
        ok(json);
        assertThat(json.out()).contains("\"healthy\" : true").doesNotContain("\"healthy\" : false");
    }

    @Test
    void aBlueGreenServiceShipsANewImageThroughCodeDeployAndReportsARollback() throws Exception {
        write(200, "max: 4, pauseAfter", false, "example/api:1");
        ok(run("dev", "secrets", "load", ".env"));
        ok(run("dev", "deploy", "--yes"));
        assertThat(fake.tagged(Map.of("infra:resource", "api/deploymentGroup"))).hasSize(1);
        clean("dev");

        write(200, "max: 4, pauseAfter", false, "example/api:2");
        assertThat(run("dev", "diff").out()).contains("~ api/service  aws.ecs.Service  (blue/green: a CodeDeploy deployment shifts traffic to the new tasks)");
        Cli.Result shipped = run("dev", "deploy", "--yes");
        ok(shipped);
        FakeCodeDeploy codedeploy = fake.service(FakeCodeDeploy.class);
        assertThat(codedeploy.deployments()).singleElement().asString().contains("carbon-dev-api:2");
        assertThat(run("dev", "state", "show", "api/taskDefinition").out()).contains("example/api:2");
        clean("dev");

        fake.service(FakeEcs.class).failRollouts("example/api:3", "CannotPullContainerError: pull access denied for example/api");
        write(200, "max: 4, pauseAfter", false, "example/api:3");
        Cli.Result failed = run("dev", "deploy", "--yes");
        assertThat(failed.code()).as(failed.out() + failed.err()).isNotZero();
        assertThat(failed.out() + failed.err()).contains("blue/green deployment d-").contains("failed")
                .contains("CannotPullContainerError").contains("rolled back");
        assertThat(codedeploy.deployments()).as("the first one's termination wait was cut short so the next could start").hasSize(2)
                .first().asString().contains(" Succeeded ");
        assertThat(codedeploy.deployments()).last().asString().contains(" Failed ");
        Cli.Result diff = run("dev", "diff", "--detailed-exitcode", "--refresh");
        assertThat(diff.code()).as("the service still runs :2, so the change is still pending: " + diff.out() + diff.err()).isEqualTo(4);
        assertThat(diff.out()).contains("~ api/service");
        Cli.Result status = run("dev", "status", "api");
        ok(status);
        assertThat(status.out()).as("rolled back: steady and healthy on the revision it ran before")
                .contains("service api (carbon-dev-api): steady and healthy").contains("revision: carbon-dev-api:2");
        ok(run("dev", "remove", "--yes"));
    }

    @Test
    void aProtectedStageWithAProxyKeepsItsDatabaseAndWhatItStandsOn() throws Exception {
        write(200, "max: 4, pauseAfter", true);
        ok(run("staging", "secrets", "load", ".env"));
        ok(run("staging", "deploy", "--yes"));
        assertThat(run("staging", "outputs", "--json").out()).as("the host services get is the proxy's")
                .contains("carbon-staging-db-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com");
        assertThat(fake.service(FakeRds.class).proxyTarget("carbon-staging-db-proxy")).isEqualTo("carbon-staging-db");
        clean("staging");
        Cli.Result refused = run("staging", "remove", "--yes");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--confirm staging");

        Cli.Result removed = run("staging", "remove", "--yes", "--confirm", "staging");
        ok(removed);
        assertThat(removed.out() + removed.err()).contains("retained in AWS: db/cluster").contains("retained in AWS: db/writer")
                .contains("retained in AWS: erp/logGroup");
        assertThat(fake.service(FakeRds.class).cluster("carbon-staging-db")).isNotNull();
        assertThat(fake.service(FakeRds.class).cluster("carbon-staging-db").deletionProtection()).isTrue();
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "db/proxy"))).isEmpty();
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "erp/service"))).isEmpty();
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "erp/loadBalancer"))).isEmpty();

        Cli.Result again = run("staging", "remove", "--yes", "--confirm", "staging");
        ok(again);
        assertThat(again.out() + again.err()).as("a second remove leaves the kept database's network alone")
                .doesNotContain("swept:").doesNotContain("sweep failed");
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "vpc/privateSubnet1"))).hasSize(1);
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "db/subnetGroup"))).hasSize(1);
        assertThat(run("staging", "state", "list").out()).as("what was kept stays recorded").contains("db/cluster").contains("vpc/vpc")
                .doesNotContain("erp/service");

        Cli.Result back = run("staging", "deploy", "--yes");
        ok(back);
        assertThat(back.out()).as("a redeploy builds on what was kept").doesNotContain("+ db/cluster").doesNotContain("+ vpc/vpc")
                .contains("+ erp/service");
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "vpc/vpc"))).hasSize(1);
        clean("staging");
    }
}

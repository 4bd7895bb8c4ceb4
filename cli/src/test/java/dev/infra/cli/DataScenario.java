package dev.infra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-side scenario, run through the CLI against whatever AWS the environment names (FakeAws in the unit tests,
 * a real AWS-compatible endpoint in the {@code it} profile): a service linked to an Aurora database, reading a
 * secret, behind a WAF web ACL. Secrets load, deploy, clean diffs, a change of database scaling and rate limit that
 * the diff shows exactly, deploy, remove.
 */
final class DataScenario {
    static final String STAGE = "e2e-data";
    private static final String APP = """
            app: shop
            region: us-east-1
            state: file://.infra/state
            secrets: [SESSION_SECRET]
            resources:
              vpc:
                type: vpc
                azs: 2
                nat: managed
              cluster:
                type: cluster
                vpc: vpc
              db:
                type: aurora
                vpc: vpc
                engine: postgres
                version: "16.4"
                database: app
                scaling: { min: 0.5, max: %d }
              web:
                type: service
                cluster: cluster
                image: "%s"
                cpu: 256
                memory: 512
                port: %d
                loadBalancer:
                  listen: [80/http]
                link: [db]
                secrets: [SESSION_SECRET]
              firewall:
                type: waf
                protect: [web]
                rateLimit: %d
                managedRules: [AWSManagedRulesCommonRuleSet]
            """;
    private final Path dir;
    private final String image;
    private final int port;
    private final StageCli cli;
    private final String endpoint;

    DataScenario(Path dir, Map<String, String> env, String image, int port) throws IOException {
        this.dir = dir;
        this.image = image;
        this.port = port;
        this.cli = new StageCli(dir, env, STAGE);
        this.endpoint = env.get("AWS_ENDPOINT_URL");
        write(2, 200);
        Files.writeString(dir.resolve(".env"), "SESSION_SECRET=\"canary-4c1d\"\n");
    }

    private void write(int dbMax, int rateLimit) throws IOException {
        Files.writeString(dir.resolve("infra.yaml"), APP.formatted(dbMax, image, port, rateLimit));
    }

    Cli.Result run(String... args) {
        return cli.run(args);
    }

    void ok(String... args) {
        Cli.Result r = cli.ok(args);
        assertThat(r.out() + r.err()).as("the secret's value never shows").doesNotContain("canary-4c1d");
    }

    void loadSecretsAndDeploy() {
        ok("secrets", "load", ".env");
        ok("deploy", "--yes");
        assertThat(run("outputs", "--json").out()).contains("\"db.port\" : 5432").contains("\"db.database\" : \"app\"");
    }

    void assertClean(String... more) {
        cli.assertClean(more);
    }

    /** Database max capacity 2 -> 4 and rate limit 200 -> 500: exactly two in-place updates, each one property. */
    void changeScalingAndRateLimit() throws IOException {
        write(4, 500);
        Cli.Result r = run("diff", "--detailed-exitcode");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).contains("~ db/cluster").contains("serverlessV2ScalingConfiguration.maxCapacity: 2.0 -> 4.0")
                .contains("~ firewall/webAcl").contains("rules[rate-limit].rateBasedStatement.limit: 200 -> 500")
                .contains("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete");
    }

    /** Every step but the removal: secrets load, deploy, clean diffs, the change and its exact diff, deploy, clean refreshed diff. */
    void deployChangeAndCheck() throws IOException {
        loadSecretsAndDeploy();
        assertClean();
        assertClean("--refresh");
        changeScalingAndRateLimit();
        ok("deploy", "--yes");
        assertClean("--refresh");
    }

    /** A security group opened and a role widened by hand: refresh reports both, a deploy undoes both. */
    void driftByHandIsReportedAndUndone() {
        HandMadeDrift hand = new HandMadeDrift(endpoint, "shop", STAGE);
        hand.openToTheWorld("db/securityGroup", 5432);
        hand.allowEverything("-web-exec");
        Cli.Result refresh = cli.ok("refresh");
        assertThat(refresh.out() + refresh.err()).contains("drift: db/securityGroup ingress").contains("0.0.0.0/0")
                .contains("drift: web/executionRole inlinePolicy");
        Cli.Result diff = run("diff", "--detailed-exitcode");
        assertThat(diff.code()).as(diff.out() + diff.err()).isEqualTo(4);
        assertThat(diff.out()).contains("~ db/securityGroup").contains("~ web/executionRole")
                .contains("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete");
        ok("deploy", "--yes");
        assertClean("--refresh");
    }

    /** The database forgotten and imported again by its id: the stage then diffs and deploys without error. */
    void databaseForgottenAndImported() {
        ok("state", "forget", "db/cluster");
        assertThat(cli.ok("state", "import", "db/cluster", "shop-" + STAGE + "-db").out()).contains("Imported shop-" + STAGE + "-db as db/cluster");
        Cli.Result diff = run("diff", "--refresh", "--detailed-exitcode");
        assertThat(diff.code()).as(diff.out() + diff.err()).isIn(0, 4);
        assertThat(diff.out()).doesNotContain("+ db/cluster").doesNotContain("-/+ db/cluster");
        ok("deploy", "--yes");
        assertClean("--refresh");
    }

    void removeAll() {
        ok("remove", "--yes");
        assertThat(run("state", "list").out()).contains("0 resources");
        ok("secrets", "remove", "SESSION_SECRET");
    }
}

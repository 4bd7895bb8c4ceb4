package dev.infra.cli;

import dev.infra.fixtures.FakeCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole CLI in-process against a fake cloud: deploy, diff shows nothing, change, diff shows it, remove. */
class EndToEndTest {
    static final String APP = """
            app: shop
            region: us-east-1
            state: file://.infra/state
            resources:
              vpc:
                type: vpc
                azs: 2
              cluster:
                type: cluster
                vpc: vpc
              web:
                type: service
                cluster: cluster
                image: "public.example/web:1"
                cpu: 256
                memory: 512
                port: 8080
                loadBalancer:
                  listen: [80/http]
            """;

    @TempDir
    Path dir;
    String cloudName;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("infra.yaml"), APP);
        cloudName = "e2e-" + UUID.randomUUID();
        cli = new Cli(dir, Map.of("AWS_ENDPOINT_URL", "fakecloud://" + cloudName));
    }

    @Test
    void deployDiffChangeDiffRemove() throws Exception {
        Cli.Result deploy = cli.run("deploy", "--stage", "dev", "--yes");
        assertThat(deploy.code()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("Done: ").contains("created");
        assertThat(deploy.err()).contains("create vpc/vpc (aws.ec2.Vpc) started")
                .contains("create vpc/vpc waiting: aws.ec2.Vpc vpc/vpc to become available");
        int made = FakeCloud.named(cloudName).resources().size();
        assertThat(made).isGreaterThan(20);
        java.util.List<String> firstJournals = journals();
        assertThat(firstJournals).as("at most the journal the run's snapshot replaced").hasSizeLessThanOrEqualTo(1);

        Cli.Result same = cli.run("diff", "--detailed-exitcode");
        assertThat(same.code()).isZero();
        assertThat(same.out()).contains("No changes. " + made + " resources up to date.");

        Files.writeString(dir.resolve("infra.yaml"), APP.replace("memory: 512", "memory: 1024"));
        Cli.Result changed = cli.run("diff", "--detailed-exitcode", "--no-color");
        assertThat(changed.code()).as(changed.err()).isEqualTo(4);
        assertThat(changed.out()).contains("+/- web/taskDefinition").contains("memory: \"512\" -> \"1024\"  # forces replacement")
                .contains("  ~ web/service").contains("taskDefinition: \"arn:aws:fake")
                .contains("Plan: 0 to create, 1 to update, 1 to replace, 0 to delete");

        assertThat(cli.run("deploy", "--yes").code()).isZero();
        assertThat(cli.run("diff", "--detailed-exitcode").code()).isZero();
        assertThat(journals()).as("the next run deleted the journal the first left").hasSizeLessThanOrEqualTo(1)
                .noneMatch(firstJournals::contains);

        FakeCloud cloud = FakeCloud.named(cloudName);
        String vpcId = cloud.resources().values().stream().filter(r -> r.type().equals("aws.ec2.Vpc")).findFirst().orElseThrow().id();
        var vpc = cloud.resources().get(vpcId);
        var drifted = new java.util.HashMap<>(vpc.inputs());
        drifted.put("enableDnsHostnames", false);
        cloud.replace(new dev.infra.fixtures.FakeResource(vpc.id(), vpc.type(), drifted, vpc.tags(), vpc.token(), vpc.outputs()));
        Cli.Result refresh = cli.run("refresh", "--json");
        assertThat(refresh.code()).as(refresh.err()).isZero();
        assertThat(refresh.out()).contains("\"address\" : \"vpc/vpc\"").contains("enableDnsHostnames");
        Cli.Result fix = cli.run("diff", "--no-color");
        assertThat(fix.out()).contains("  ~ vpc/vpc").contains("enableDnsHostnames: false -> true");
        assertThat(cli.run("deploy", "--yes").code()).isZero();

        Cli.Result outputs = cli.run("outputs", "--json");
        assertThat(outputs.out()).contains("\"web.url\" : \"http://dnsName-");

        Cli.Result remove = cli.run("remove", "--yes");
        assertThat(remove.code()).as(remove.err()).isZero();
        assertThat(FakeCloud.named(cloudName).resources()).isEmpty();
        assertThat(cli.run("state", "list").out()).contains("0 resources");
    }

    /** The journals kept beside the stage's state.json (one directory each; the file store's own dot files aside). */
    private java.util.List<String> journals() throws java.io.IOException {
        Path root = dir.resolve(".infra/state/shop/dev/journal");
        if (!Files.isDirectory(root)) return java.util.List.of();
        try (var list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void savedPlanAppliesExactlyAndIsRefusedOnceStateMoved() {
        assertThat(cli.run("diff", "--out", "plan.json").code()).isZero();
        assertThat(Files.exists(dir.resolve("plan.json"))).isTrue();
        Cli.Result applied = cli.run("deploy", "--plan", "plan.json");
        assertThat(applied.code()).as(applied.err()).isZero();
        Cli.Result stale = cli.run("deploy", "--plan", "plan.json");
        assertThat(stale.code()).isEqualTo(5);
        assertThat(stale.err()).contains("state changed since the plan was made").doesNotContain("\tat ");
    }

    @Test
    void badInfraYamlExits2WithPositionsAndTouchesNothing() throws Exception {
        Files.writeString(dir.resolve("infra.yaml"), APP.replace("cpu: 256", "cpu: 300").replace("azs: 2", "azz: 2"));
        Cli.Result r = cli.run("deploy", "--yes");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("infra.yaml:").contains("did you mean 'azs'").contains("nothing was changed");
        assertThat(FakeCloud.named(cloudName).calls()).isEmpty();
        assertThat(Files.exists(dir.resolve(".infra"))).isFalse();
    }

    @Test
    void heldLockExits3NamingTheHolder() throws Exception {
        var backend = dev.infra.core.state.StateBackends.open("file://" + dir.resolve(".infra/state"), null);
        try (LockedStage held = new LockedStage(backend, "shop", "dev", "infra deploy")) {
            Cli.Result r = cli.run("deploy", "--yes");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("infra deploy");
            assertThat(cli.run("state", "lock").out()).contains("Locked by");
        }
        assertThat(cli.run("state", "lock").out()).contains("Not locked.");
    }

    /** A failed step's summary line is one line; with --verbose its whole error and causes follow it. */
    @Test
    void verboseKeepsAFailedStepsCause() {
        FakeCloud.named(cloudName).failAt("create", "aws.ecs.Cluster", 1);
        Cli.Result quiet = cli.run("deploy", "--yes");
        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.out()).contains("failed: cluster/cluster (create): injected failure").doesNotContain("\tat ");
        FakeCloud.named(cloudName).failAt("create", "aws.ecs.Cluster", 2);
        Cli.Result verbose = cli.run("deploy", "--yes", "-v");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.out()).contains("failed: cluster/cluster (create): injected failure")
                .contains("java.lang.IllegalStateException: injected failure").contains("\tat dev.infra.");
    }

    /** kill -9 of a deploy, then an immediate rerun on the same host: the rerun takes the dead run's lock, naming it. */
    @Test
    void aLockLeftByARunKilledWithSigkillOnThisHostIsTakenOverByTheNextRun() throws Exception {
        Process killed = new ProcessBuilder("sleep", "600").start();
        killed.destroyForcibly();
        killed.waitFor();
        String host = LockedStage.identity().substring(LockedStage.identity().indexOf('@') + 1);
        var backend = dev.infra.core.state.StateBackends.open("file://" + dir.resolve(".infra/state"), null);
        // acquire() gives the lock a fresh lease of its own (these two instants are replaced): it is live when the rerun asks
        backend.locker("shop", "dev").acquire(new dev.infra.core.state.LockInfo("killed-run", "ci", host, "infra deploy",
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, killed.pid(), dev.infra.core.state.ProcessSpace.current()));
        Cli.Result r = cli.run("deploy", "--yes");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("infra: took over the lock of shop/dev from ci@" + host + " (pid " + killed.pid() + ", 'infra deploy' since ")
                .contains("that process no longer exists");
        assertThat(cli.run("state", "lock").out()).contains("Not locked.");
    }

    @Test
    void secretsLoadPrintsNamesNeverValues() throws Exception {
        Files.writeString(dir.resolve(".env"), "# comment\nexport API_KEY=\"s3cr3t-value\"\nTOKEN='multi\nline'\n");
        Cli.Result load = cli.run("secrets", "load", ".env");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out() + load.err()).contains("API_KEY").contains("TOKEN").doesNotContain("s3cr3t").doesNotContain("multi");
        assertThat(cli.run("secrets", "list").out()).contains("API_KEY").doesNotContain("s3cr3t");
        assertThat(cli.run("secrets", "get", "TOKEN").out()).isEqualTo("multi\nline\n");
        Files.writeString(dir.resolve("bad.env"), "GOOD=1\nBAD=\"unclosed s3cr3t\n");
        Cli.Result bad = cli.run("secrets", "load", "bad.env");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.env:2").doesNotContain("s3cr3t");
    }

    @Test
    void globalOptionsWorkBeforeTheCommandToo() {
        Cli.Result r = cli.run("--stage", "qa", "validate", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"stage\" : \"qa\"");
    }

    @Test
    void schemaInitAndCompletion() throws Exception {
        assertThat(cli.run("schema").out()).contains("\"$schema\"");
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        Cli here = new Cli(fresh, Map.of());
        assertThat(here.run("init", "--template", "web-db").code()).isZero();
        assertThat(fresh.resolve("Dockerfile")).as("init writes the Dockerfile the template builds from").exists();
        assertThat(here.run("validate").code()).isZero();
        assertThat(here.run("init").code()).isEqualTo(2);
        assertThat(here.run("completion", "bash").out()).contains("complete -F");
        assertThat(here.run("completion", "fish").code()).isEqualTo(2);
    }
}

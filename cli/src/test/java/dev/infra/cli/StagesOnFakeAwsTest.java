package dev.infra.cli;

import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.FileStore;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stages of one app deployed on FakeAws at different (injected) times: {@code infra stages} lists them from the state
 * store, and {@code remove --stage 'preview-*' --older-than 7d} removes exactly the old unprotected preview stages.
 */
class StagesOnFakeAwsTest {
    private static final String APP = """
            app: shop
            region: eu-west-1
            state: file://.infra/state
            stages:
              preview-keep:
                protect: true
            resources:
              vpc: { type: vpc, azs: 2, nat: none }
              cluster: { type: cluster, vpc: vpc }
              web:
                type: service
                cluster: cluster
                image: "example/web:1"
                port: 8080
                loadBalancer: { listen: [80/http] }
            """;
    @TempDir
    Path dir;
    private String name;
    private FakeAws fake;
    private MovableClock clock;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        name = "stages-" + UUID.randomUUID();
        fake = FakeAws.named(name).pageSize(100);
        clock = new MovableClock(Instant.parse("2026-11-01T09:00:00Z"));
        cli = new Cli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), clock);
        Files.writeString(dir.resolve("infra.yaml"), APP);
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    private Cli.Result ok(String... args) {
        Cli.Result r = cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.out() + r.err()).isZero();
        return r;
    }

    private void deploy(String stage) {
        ok("deploy", "--yes", "--stage", stage, "--no-color");
    }

    private Map<String, String> tags(String stage) {
        return Map.of("infra:app", "shop", "infra:stage", stage);
    }

    @Test
    void stagesListsEveryDeployedStageFromTheStateStore() {
        deploy("dev");
        clock.advance(Duration.ofHours(2));
        deploy("preview-1");
        deploy("preview-keep");
        Cli.Result stages = ok("stages");
        String user = System.getProperty("user.name");
        assertThat(stages.out().lines().skip(1)).hasSize(3);
        assertThat(stages.out()).contains("STAGE").contains("LOCK")
                .containsPattern("dev +eu-west-1 +2026-11-01 09:00Z \\(2h ago\\) +" + user + "@\\S+ +\\d+ +no +-")
                .containsPattern("preview-1 +eu-west-1 +2026-11-01 11:00Z \\(0s ago\\) +" + user + "@\\S+ +\\d+ +no +-")
                .containsPattern("preview-keep +eu-west-1 +2026-11-01 11:00Z \\(0s ago\\) +\\S+ +\\d+ +yes +-");

        try (LockedStage held = new LockedStage(new ObjectStateBackend(new FileStore(dir.resolve(".infra/state"))), "shop", "dev", "infra deploy")) {
            Cli.Result json = ok("stages", "--json");
            assertThat(json.out()).contains("\"stage\" : \"dev\"").contains("\"command\" : \"infra deploy\"")
                    .contains("\"lastChange\" : \"2026-11-01T09:00:00Z\"").contains("\"protected\" : true").contains("\"region\" : \"eu-west-1\"")
                    .containsPattern("\"resources\" : [1-9]\\d*");
            assertThat(ok("stages").out()).containsPattern("dev .* held by " + user + "@\\S+ \\(infra deploy");
        }
    }

    @Test
    void olderThanRemovesExactlyTheOldUnprotectedPreviewStages() throws Exception {
        for (String stage : new String[] {"dev", "preview-1", "preview-2", "preview-keep"}) deploy(stage);
        clock.advance(Duration.ofDays(10));
        deploy("preview-3");

        Cli.Result dry = ok("remove", "--stage", "preview-*", "--older-than", "7d", "--dry-run");
        assertThat(dry.out()).contains("would remove preview-1").contains("would remove preview-2")
                .contains("skipped preview-keep: protected").contains("skipped preview-3: changed 2026-11-11 09:00Z (0s ago), within 7d")
                .contains("Would remove 2 stages (preview-1, preview-2), skipped 2.").doesNotContain("dev");
        assertThat(fake.tagged(tags("preview-1"))).as("a dry run changes nothing").isNotEmpty();
        Cli.Result dryJson = ok("remove", "--stage", "preview-*", "--older-than", "7d", "--dry-run", "--json");
        assertThat(dryJson.out()).as("one line, like the event streams of the removes").hasLineCount(1)
                .contains("\"wouldRemove\":[\"preview-1\",\"preview-2\"]").contains("\"preview-keep\":\"protected")
                .contains("\"failed\":{}");

        Cli.Result refused = cli.run("remove", "--stage", "preview-*", "--older-than", "7d");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("rerun with --yes");

        Cli.Result partly;
        try (LockedStage held = new LockedStage(new ObjectStateBackend(new FileStore(dir.resolve(".infra/state"))), "shop", "preview-2", "infra deploy")) {
            partly = cli.run("remove", "--stage", "preview-*", "--older-than", "7d", "--yes", "--no-color");
        }
        assertThat(partly.code()).as("one removal failed: " + partly.out() + partly.err()).isEqualTo(1);
        assertThat(partly.out()).contains("removed preview-1").contains("failed to remove preview-2: state of shop/preview-2 is locked")
                .contains("Removed 1 stage (preview-1), skipped 2, failed 1 (preview-2).");
        assertThat(partly.out()).as("the JSON outcome only with --json").doesNotContain("\"failed\" :");
        assertThat(fake.tagged(tags("preview-1"))).isEmpty();

        Cli.Result rest = cli.run("remove", "--stage", "preview-*", "--older-than", "7d", "--yes", "--no-color");
        assertThat(rest.code()).as(rest.out() + rest.err()).isZero();
        assertThat(rest.out()).contains("removed preview-2").contains("Removed 1 stage (preview-2), skipped 2.");
        for (String gone : new String[] {"preview-1", "preview-2"}) assertThat(fake.tagged(tags(gone))).as(gone).isEmpty();
        for (String kept : new String[] {"dev", "preview-keep", "preview-3"}) assertThat(fake.tagged(tags(kept))).as(kept).isNotEmpty();
        assertThat(ok("stages").out().lines().skip(1).map(l -> l.split(" ")[0]))
                .as("removed stages leave the store").containsExactly("dev", "preview-3", "preview-keep");
    }
}

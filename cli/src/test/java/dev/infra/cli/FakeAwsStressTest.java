package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full example deployed and removed over and over with 32 steps in flight on one FakeAws: every fake service is
 * called from many threads at once, so a lock-ordering deadlock between fake services (or between a fake and the
 * virtual clock) would hang here, and a clock that moved on while a step was merely slow to be scheduled would time
 * a wait out. Each round must end clean: a deploy, a clean diff, a remove, nothing of the stage left but its secrets.
 */
class FakeAwsStressTest {
    private static final int ROUNDS = 8;
    @TempDir
    Path dir;
    private final String name = "stress-" + UUID.randomUUID();

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    @Test
    void theFullExampleDeploysAndIsRemovedManyTimesWith32StepsInFlight() throws Exception {
        FakeAws fake = FakeAws.named(name).pageSize(100);
        StageCli cli = new StageCli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), "dev");
        copy(Path.of("..", "example"), dir.resolve("example"));
        Files.writeString(dir.resolve("infra.yaml"), Files.readString(Path.of("..", "infra.yaml")));
        Files.writeString(dir.resolve(".env"), "SESSION_SECRET=s-1\nSTRIPE_SECRET_KEY=sk_test_1\n");
        cli.ok("secrets", "load", ".env");
        List<Duration> deploys = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Instant start = fake.clock().now();
            assertThat(cli.ok("deploy", "--yes", "--parallelism", "32").out()).as("round %d", round).contains("Done: ");
            deploys.add(Duration.between(start, fake.clock().now()));
            cli.assertClean();
            cli.ok("remove", "--yes", "--parallelism", "32");
            assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev"))).as("round %d: only the secrets stay", round)
                    .allMatch(arn -> arn.startsWith("arn:aws:ssm:")).hasSize(2);
        }
        System.out.println("stress: " + ROUNDS + " rounds of deploy, diff, remove at parallelism 32; virtual time per deploy " + deploys);
        assertThat(deploys).as("simulated time does not depend on how the threads were scheduled").containsOnly(deploys.get(0));
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
}

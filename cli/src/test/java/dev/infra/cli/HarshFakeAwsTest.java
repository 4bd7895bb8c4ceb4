package dev.infra.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full example's lifecycle on harsh FakeAws ({@link HarshLifecycle}), one test per seed: every command succeeds the
 * first time, the diffs are clean, remove leaves nothing but the secrets. {@code bin/harsh N} runs seeds 1..N (system
 * property {@code harsh.seeds}; the suite runs a few) and the summary ends with "N passed, M failed"; the same seed
 * replays the same virtual times.
 */
class HarshFakeAwsTest {
    private static final List<HarshLifecycle.Outcome> OUTCOMES = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, Integer.getInteger("harsh.seeds", 2));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theFullExampleGetsThroughItsWholeLifecycleOnHarshFakeAws(long seed) throws Exception {
        HarshLifecycle.Outcome o = HarshLifecycle.run(seed, dir.resolve("seed-" + seed));
        System.out.println("harsh " + o);
        OUTCOMES.add(o);
        assertThat(o.passed()).as(o.toString()).isTrue();
    }

    @AfterAll
    static void summary() {
        if (OUTCOMES.isEmpty()) return;
        long passed = OUTCOMES.stream().filter(HarshLifecycle.Outcome::passed).count();
        System.out.println("harsh: " + passed + " passed, " + (OUTCOMES.size() - passed) + " failed");
    }

    /**
     * With 15% of the responses of every service's changing calls lost (applied, answered by a read timeout), the whole
     * lifecycle still passes: no address is carried by two live resources after either deploy or the refreshed diff,
     * and remove leaves nothing.
     */
    @Test
    void withLostResponsesNothingIsMadeTwiceAndRemoveLeavesNothing() throws Exception {
        HarshLifecycle.Outcome o = HarshLifecycle.run(1, dir.resolve("lost"), new HarshLifecycle.Troubles(0.15, 0, 0));
        assertThat(o.passed()).as(o.toString()).isTrue();
        assertThat(o.refusals().getOrDefault("lost response", 0)).as("responses were lost: " + o).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aSeedReplaysExactly() throws Exception {
        HarshLifecycle.Outcome first = HarshLifecycle.run(7, dir.resolve("a"));
        HarshLifecycle.Outcome again = HarshLifecycle.run(7, dir.resolve("b"));
        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(again.deploys()).as("same seed, same virtual time per deploy").isEqualTo(first.deploys());
        assertThat(again.removes()).as("same seed, same virtual time per remove").isEqualTo(first.removes());
        assertThat(again.refusals()).as("same seed, same refusals").isEqualTo(first.refusals());
    }

    @Test
    void eachWaitIsOnTheProgressLineAndTheDeployNeedsNoRerun() throws Exception {
        try (FullExample example = new FullExample(dir)) {
            example.fake.harsh(1);
            example.ok(example.run("dev", "secrets", "load", ".env"));
            Cli.Result deploy = example.ok(example.run("dev", "deploy", "--yes"));
            assertThat(deploy.err()).as("the progress lines").containsPattern("create firewall/\\S+ waiting: WAF cannot see load balancer carbon-dev-(api|erp) yet "
                    + "\\(AWS propagation\\), \\d+ s \\[")
                    .containsPattern("create cluster/cluster waiting: ECS cannot use its service-linked role for cluster carbon-dev-cluster yet "
                            + "\\(AWS propagation\\), \\d+ s");
            assertThat(example.fake.harshRefusals()).containsKeys("WAFUnavailableEntityException", "InvalidParameterException");
        }
    }
}

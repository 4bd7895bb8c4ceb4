package dev.infra.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full example's lifecycle on harsh FakeAws ({@link HarshLifecycle}) for several seeds: every command succeeds the
 * first time, the diffs are clean, remove leaves nothing but the secrets. {@code bin/harsh N} runs it for seeds
 * 1..N (system property {@code harsh.seeds}; the suite runs a few); the same seed replays the same virtual times.
 */
class HarshFakeAwsTest {
    @TempDir
    Path dir;

    @Test
    void theFullExampleGetsThroughItsWholeLifecycleOnHarshFakeAwsForEverySeed() throws Exception {
        int seeds = Integer.getInteger("harsh.seeds", 3);
        List<HarshLifecycle.Outcome> outcomes = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            HarshLifecycle.Outcome o = HarshLifecycle.run(seed, dir.resolve("seed-" + seed));
            System.out.println("harsh " + o);
            outcomes.add(o);
        }
        long passed = outcomes.stream().filter(HarshLifecycle.Outcome::passed).count();
        System.out.println("harsh: " + passed + " passed, " + (outcomes.size() - passed) + " failed");
        assertThat(outcomes).allMatch(HarshLifecycle.Outcome::passed);
    }

    @Test
    void aSeedReplaysExactly() throws Exception {
        HarshLifecycle.Outcome first = HarshLifecycle.run(7, dir.resolve("a"));
        HarshLifecycle.Outcome again = HarshLifecycle.run(7, dir.resolve("b"));
        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(again.deploys()).as("same seed, same virtual time per deploy").isEqualTo(first.deploys());
    }
}

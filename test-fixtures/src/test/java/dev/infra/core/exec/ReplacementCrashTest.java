package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.plan.PlanOptions;
import dev.infra.fixtures.SimulatedCrash;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The crash test over replacements of both kinds: a port change replaces a target group and a service delete-first
 * and a task definition and a security group rule create-first. The process dies after each mutating call of that
 * deploy; the rerun converges to what an uninterrupted deploy makes, with no duplicate and no orphan.
 */
class ReplacementCrashTest {
    @Test
    void aReplacingDeployResumesAfterACrashAtEveryStep() {
        Harness reference = new Harness();
        int firstDeploy = deploy(reference, 80);
        int before = reference.cloud.calls().size();
        reference.apply(ReplacementOrderTest.app(reference, 256, 8080), PlanOptions.ALL);
        long replacing = reference.cloud.calls().subList(before, reference.cloud.calls().size()).stream()
                .filter(ReplacementCrashTest::mutating).count();
        DesiredApp changed = ReplacementOrderTest.app(reference, 256, 8080);
        Map<String, String> expected = CrashTest.shape(reference, changed);
        assertThat(replacing).as("deletes, creates and updates").isGreaterThan(8);
        for (int k = 1; k <= replacing; k++) {
            Harness h = new Harness();
            h.parallelism = k % 2 == 0 ? 1 : 4;
            deploy(h, 80);
            h.cloud.crashAfterMutations(firstDeploy + k);
            Throwable crash = catchThrowable(() -> h.apply(changed, PlanOptions.ALL));
            assertThat(crash).as("crash after mutation %d", k).isInstanceOf(SimulatedCrash.class);
            h.cloud.revive();
            ApplyResult rerun = h.apply(changed, PlanOptions.ALL);
            assertThat(rerun.failures()).as("rerun after crash %d", k).isEmpty();
            assertThat(CrashTest.shape(h, changed)).as("after crash %d", k).isEqualTo(expected);
            assertThat(h.plan(changed, PlanOptions.ALL).hasChanges()).as("nothing left to do after crash %d", k).isFalse();
        }
    }

    private static int deploy(Harness h, int port) {
        h.apply(ReplacementOrderTest.app(h, 256, port), PlanOptions.ALL);
        return (int) h.cloud.calls().stream().filter(ReplacementCrashTest::mutating).count();
    }

    private static boolean mutating(String call) {
        return call.startsWith("create ") || call.startsWith("update ") || call.startsWith("delete ");
    }
}

package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;
import dev.infra.fixtures.FakeResource;
import dev.infra.fixtures.SimulatedCrash;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Stops the executor after every mutating call of a reference deploy (the example app), as if the process died
 * right after AWS acted and before state was written; reruns; asserts the result equals an uninterrupted deploy
 * with no duplicate and no orphan.
 */
class CrashTest {
    @Test
    void deployResumesAfterACrashAtEveryStep() {
        Harness reference = new Harness();
        reference.parallelism = 1;
        DesiredApp app = reference.example();
        assertThat(reference.apply(app, PlanOptions.ALL).success()).isTrue();
        Map<String, String> expected = shape(reference);
        int steps = reference.cloud.calls().size();
        for (int k = 1; k <= steps; k++) {
            Harness h = new Harness();
            h.parallelism = k % 2 == 0 ? 1 : 4;
            h.cloud.crashAfterMutations(k);
            Throwable crash = catchThrowable(() -> h.apply(app, PlanOptions.ALL));
            assertThat(crash).as("crash after mutation %d", k).isInstanceOf(SimulatedCrash.class);
            h.cloud.revive();
            ApplyResult rerun = h.apply(app, PlanOptions.ALL);
            assertThat(rerun.failures()).as("rerun after crash %d", k).isEmpty();
            assertThat(shape(h)).as("after crash %d", k).isEqualTo(expected);
            assertThat(h.plan(app, PlanOptions.ALL).hasChanges()).as("nothing left to do after crash %d", k).isFalse();
        }
    }

    @Test
    void removeResumesAfterACrash() {
        for (int k = 1; k <= 20; k++) {
            Harness h = new Harness();
            DesiredApp app = h.example();
            h.apply(app, PlanOptions.ALL);
            h.cloud.crashAfterMutations(h.cloud.calls().size() + k);
            PlanOptions destroy = new PlanOptions(java.util.Set.of(), true, false);
            assertThat(catchThrowable(() -> h.apply(app, destroy))).isInstanceOf(SimulatedCrash.class);
            h.cloud.revive();
            assertThat(h.apply(app, destroy).failures()).isEmpty();
            assertThat(h.cloud.resources()).as("after crash %d", k).isEmpty();
            assertThat(h.session(app).state().resources()).isEmpty();
        }
    }

    /** Address → type of every cloud resource; fails on a duplicate (two resources tagged with one address) or an orphan. */
    static Map<String, String> shape(Harness h) {
        return shape(h, h.example());
    }

    static Map<String, String> shape(Harness h, DesiredApp app) {
        List<FakeResource> all = List.copyOf(h.cloud.resources().values());
        Map<String, Long> perAddress = all.stream().collect(Collectors.groupingBy(r -> r.tags().get("infra:resource"), Collectors.counting()));
        assertThat(perAddress.values()).as("no duplicates").allMatch(n -> n == 1);
        State state = h.session(app).state();
        Map<String, ResourceState> byId = state.resources().values().stream().collect(Collectors.toMap(ResourceState::physicalId, Function.identity()));
        assertThat(byId.keySet()).as("state and cloud hold the same resources").isEqualTo(h.cloud.resources().keySet());
        return all.stream().collect(Collectors.toMap(r -> r.tags().get("infra:resource"), FakeResource::type, (a, b) -> a, TreeMap::new));
    }
}

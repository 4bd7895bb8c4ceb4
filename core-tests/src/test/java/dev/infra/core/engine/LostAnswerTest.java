package dev.infra.core.engine;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.exec.ApplyResult;
import dev.infra.core.plan.PlanOptions;
import dev.infra.fixtures.aws.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create whose answer is lost (a read timeout: it may or may not have been made) is made again only after a look
 * for what it made, by its tags: found, it is adopted (no second copy); not found, it is created again. On a virtual
 * clock: the look waits a few seconds for a new resource to be listed.
 */
class LostAnswerTest {
    private static final String TYPE = "aws.ecs.TaskDefinition";
    final Harness h = new Harness();

    LostAnswerTest() {
        h.clock = new VirtualClock();
    }

    private static String address(DesiredApp app) {
        return app.resources().stream().filter(r -> r.type().equals(TYPE)).findFirst().orElseThrow().address();
    }

    private List<String> callsOf(String address) {
        return h.cloud.calls().stream().filter(c -> c.endsWith(" " + address)).map(c -> c.split(" ")[0]).toList();
    }

    @Test
    void aCreateMadeButUnansweredIsFoundByItsTagsAndAdoptedNotMadeAgain() {
        DesiredApp app = h.example();
        String lost = address(app);
        h.cloud.loseAnswerOf(lost, true);
        ApplyResult r = h.apply(app, PlanOptions.ALL);
        assertThat(r.success()).as(r.failures().toString()).isTrue();
        assertThat(callsOf(lost)).as("one create, then a look that finds it").startsWith("create", "find").doesNotContain("delete")
                .filteredOn("create"::equals).hasSize(1);
        assertThat(h.cloud.resources().values()).filteredOn(x -> x.type().equals(TYPE)).hasSize((int) app.resources().stream()
                .filter(x -> x.type().equals(TYPE)).count());
        assertThat(r.state().resources().get(lost).physicalId()).isEqualTo(h.cloud.resources().values().stream()
                .filter(x -> x.tags().get("infra:resource").equals(lost)).findFirst().orElseThrow().id());
    }

    @Test
    void aCreateNotListedAtOnceIsFoundByALaterLookSecondsLater() {
        DesiredApp app = h.example();
        String lost = address(app);
        h.cloud.loseAnswerOf(lost, true).listLate(lost, 2);
        ApplyResult r = h.apply(app, PlanOptions.ALL);
        assertThat(r.success()).as(r.failures().toString()).isTrue();
        assertThat(callsOf(lost)).startsWith("create", "find", "find", "find").filteredOn("create"::equals).hasSize(1);
        assertThat(((VirtualClock) h.clock).slept()).as("the looks waited on the virtual clock").isPositive();
    }

    @Test
    void aCreateThatNeverArrivedIsMadeAgainOnlyAfterTheLookFindsNothing() {
        DesiredApp app = h.example();
        String lost = address(app);
        h.cloud.loseAnswerOf(lost, false);
        ApplyResult r = h.apply(app, PlanOptions.ALL);
        assertThat(r.success()).as(r.failures().toString()).isTrue();
        List<String> calls = callsOf(lost);
        assertThat(calls.subList(0, calls.lastIndexOf("create"))).as("the look comes between the two creates").contains("find");
        assertThat(calls).filteredOn("create"::equals).hasSize(2);
        assertThat(h.cloud.resources().values()).filteredOn(x -> lost.equals(x.tags().get("infra:resource"))).hasSize(1);
    }
}

package dev.infra.core.exec;

import dev.infra.core.plan.Action;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Plan;
import dev.infra.core.state.Deposed;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of a replacement's two steps, and of the old resource an interrupted replacement left behind. */
class StepGraphTest {
    private static final String RULE = "web/ingress";
    private static final String TYPE = "aws.ec2.SecurityGroupIngress";

    /**
     * After a crash in a create-first replacement the old rule is kept at a deposed address and the new one's create
     * is pending. The old one may be deleted only once the new one's create is over: that create looks its resource
     * up by tags, the old one carries the same tags, and it must not be adopted while it is being deleted.
     */
    @Test
    void theOldResourceOfAnInterruptedReplacementGoesAfterTheNewOneIsMade() {
        String old = Deposed.address(RULE, "1234abcd-0000");
        State state = State.empty("shop", "dev")
                .with(record(old, "sgr-old", ResourceStatus.READY, ""))
                .with(record(RULE, "", ResourceStatus.PENDING_CREATE, "token"));
        Plan plan = plan(new Change(RULE, TYPE, "web", Action.CREATE, Map.of(), Map.of(), List.of(), "", List.of()),
                new Change(old, TYPE, "web", Action.DELETE, Map.of(), Map.of(), List.of(), "", List.of()));
        StepGraph g = new StepGraph(plan, state);
        assertThat(g.graph.dependenciesOf(Step.delete(old))).contains(Step.apply(RULE));
    }

    @Test
    void aCreateFirstReplacementDeletesAfterCreatingAndADeleteFirstOneTheOtherWayRound() {
        State state = State.empty("shop", "dev").with(record(RULE, "sgr-1", ResourceStatus.READY, ""));
        Change replace = new Change(RULE, TYPE, "web", Action.REPLACE, Map.of(), Map.of(), List.of(), "", List.of());
        StepGraph createFirst = new StepGraph(plan(replace.creatingFirst()), state);
        assertThat(createFirst.graph.dependenciesOf(Step.delete(RULE))).contains(Step.apply(RULE));
        assertThat(createFirst.graph.dependenciesOf(Step.apply(RULE))).doesNotContain(Step.delete(RULE));
        StepGraph deleteFirst = new StepGraph(plan(replace), state);
        assertThat(deleteFirst.graph.dependenciesOf(Step.apply(RULE))).contains(Step.delete(RULE));
        assertThat(deleteFirst.graph.dependenciesOf(Step.delete(RULE))).doesNotContain(Step.apply(RULE));
    }

    private static ResourceState record(String address, String id, ResourceStatus status, String token) {
        return new ResourceState(address, TYPE, "web", id, Map.of(), Map.of(), List.of(), status, token);
    }

    private static Plan plan(Change... changes) {
        return new Plan(Plan.FORMAT_VERSION, "shop", "dev", "us-east-1", "lineage", 0, List.of(changes));
    }
}

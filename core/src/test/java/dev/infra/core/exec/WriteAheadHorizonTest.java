package dev.infra.core.exec;

import dev.infra.core.graph.ResourceGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WriteAheadHorizonTest {
    /** a ← b ← c ← d (each waits for the one before), and e waits for a and c. */
    private final ResourceGraph graph = ResourceGraph.of(Map.of("a", List.of(), "b", List.of("a"), "c", List.of("b"),
            "d", List.of("c"), "e", List.of("a", "c")));

    @Test
    void writesTwoLevelsAheadOfWhatHasStarted() {
        WriteAheadHorizon h = new WriteAheadHorizon(graph);
        assertThat(h.initial()).as("a has nothing to wait for; b waits only for a").containsExactly("a", "b");
        assertThat(h.started("a")).as("b is reached; c waits only for b").containsExactly("c");
        assertThat(h.started("b")).as("c is reached; d and e wait only for reached steps").containsExactlyInAnyOrder("d", "e");
        assertThat(h.started("c")).as("each step is written ahead once").isEmpty();
        assertThat(h.started("d")).isEmpty();
    }
}

package dev.infra.core.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceGraphTest {
    private static final Map<String, List<String>> EDGES = Map.of(
            "vpc/vpc", List.of(),
            "vpc/subnet1", List.of("vpc/vpc"),
            "vpc/subnet2", List.of("vpc/vpc"),
            "cluster/cluster", List.of(),
            "erp/service", List.of("vpc/subnet1", "vpc/subnet2", "cluster/cluster"));

    @Test
    void topologicalOrderPutsDependenciesFirstAndBreaksTiesByAddress() {
        ResourceGraph g = ResourceGraph.of(EDGES);
        assertThat(g.topologicalOrder())
                .containsExactly("cluster/cluster", "vpc/vpc", "vpc/subnet1", "vpc/subnet2", "erp/service");
        assertThat(g.reverseOrder())
                .containsExactly("erp/service", "vpc/subnet2", "vpc/subnet1", "vpc/vpc", "cluster/cluster");
    }

    @Test
    void cycleIsReportedWithItsPath() {
        assertThatThrownBy(() -> ResourceGraph.of(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"))))
                .isInstanceOf(CycleException.class)
                .hasMessage("dependency cycle: a -> b -> c -> a")
                .satisfies(e -> assertThat(((CycleException) e).cycle()).containsExactly("a", "b", "c", "a"));
    }

    @Test
    void closureFollowsDependenciesOnly() {
        ResourceGraph g = ResourceGraph.of(EDGES);
        assertThat(g.closure(List.of("vpc/subnet1"))).isEqualTo(Set.of("vpc/subnet1", "vpc/vpc"));
        assertThat(g.closure(List.of("erp/service"))).hasSize(5);
        assertThat(g.dependentsOf("vpc/vpc")).containsExactly("vpc/subnet1", "vpc/subnet2");
    }

    @Test
    void criticalPathIsTheLongestWeightedChain() {
        ResourceGraph g = ResourceGraph.of(EDGES);
        Map<String, Long> w = Map.of("vpc/vpc", 5L, "vpc/subnet1", 2L, "vpc/subnet2", 3L,
                "cluster/cluster", 9L, "erp/service", 1L);
        assertThat(g.criticalPath(w::get)).isEqualTo(9 + 1);
    }

    @Test
    void renderIsDeterministicAndDropsUnknownAndSelfEdges() {
        ResourceGraph g = ResourceGraph.of(Map.of("b", List.of("a", "zz", "b"), "a", List.of()));
        assertThat(g.render()).isEqualTo("a\nb -> a\n");
    }

    @Test
    void largeChainDoesNotOverflowAndOrdersLinearly() {
        Map<String, List<String>> chain = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) chain.put(String.format("r%05d", i), i == 0 ? List.of() : List.of(String.format("r%05d", i - 1)));
        assertThat(ResourceGraph.of(chain).topologicalOrder()).first().isEqualTo("r00000");
    }
}

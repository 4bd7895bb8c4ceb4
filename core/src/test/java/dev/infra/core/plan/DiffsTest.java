package dev.infra.core.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DiffsTest {
    private static Map<String, Object> rule(String name, int priority, int limit) {
        return new TreeMap<>(Map.of("name", name, "priority", priority, "rateBasedStatement", new TreeMap<>(Map.of("limit", limit, "aggregateKeyType", "IP"))));
    }

    private static List<String> lines(Map<String, Object> before, Map<String, Object> after) {
        return Diffs.between(before, after, Set.of("containers")).stream()
                .map(d -> d.path() + ": " + ValueText.of(d.before()) + " -> " + ValueText.of(d.after()) + (d.forcesReplacement() ? " !" : "")).toList();
    }

    @Test
    void namedElementsAreComparedByNameSoOnlyTheChangedFieldShows() {
        var before = Map.<String, Object>of("rules", List.of(rule("rate-limit", 0, 200), rule("common", 1, 0)));
        var after = Map.<String, Object>of("rules", List.of(rule("rate-limit", 0, 500), rule("common", 1, 0)));
        assertThat(lines(before, after)).containsExactly("rules[rate-limit].rateBasedStatement.limit: 200 -> 500");
    }

    @Test
    void addedAndRemovedNamedElementsShowWhole() {
        var before = Map.<String, Object>of("rules", List.of(rule("rate-limit", 0, 200), rule("common", 1, 0)));
        var after = Map.<String, Object>of("rules", List.of(rule("rate-limit", 0, 200), rule("sqli", 1, 0)));
        assertThat(lines(before, after)).containsExactly(
                "rules[common]: {name: \"common\", priority: 1, rateBasedStatement: {aggregateKeyType: \"IP\", limit: 0}} -> (none)",
                "rules[sqli]: (none) -> {name: \"sqli\", priority: 1, rateBasedStatement: {aggregateKeyType: \"IP\", limit: 0}}");
    }

    @Test
    void equalLengthListsCompareByIndexOthersWholeAndForcingIsKept() {
        assertThat(lines(Map.of("subnets", List.of("a", "b")), Map.of("subnets", List.of("a", "c")))).containsExactly("subnets[1]: \"b\" -> \"c\"");
        assertThat(lines(Map.of("subnets", List.of("a")), Map.of("subnets", List.of("a", "c")))).containsExactly("subnets: [\"a\"] -> [\"a\", \"c\"]");
        assertThat(lines(Map.of("containers", List.of(Map.of("name", "web", "cpu", 256))), Map.of("containers", List.of(Map.of("name", "web", "cpu", 512)))))
                .containsExactly("containers[web].cpu: 256 -> 512 !");
    }

    @Test
    void unknownElementsAreShownAsUnknown() {
        assertThat(lines(Map.of("groups", List.of("sg-1")), Map.of("groups", List.of(Unknown.VALUE)))).singleElement().asString().startsWith("groups[0]: \"sg-1\" -> ");
    }
}

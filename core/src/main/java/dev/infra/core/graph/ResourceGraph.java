package dev.infra.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * A directed acyclic graph of addresses: an edge a → b means a depends on b (b is created first). Orders are
 * deterministic (ties broken by address).
 */
public final class ResourceGraph {
    private final Map<String, Set<String>> deps;        // node -> what it depends on
    private final Map<String, Set<String>> dependents;  // node -> what depends on it
    /** {@link #topologicalOrder}, once asked for: racing threads compute equal lists, and either may be kept. */
    private volatile List<String> topological;

    private ResourceGraph(Map<String, Set<String>> deps) {
        this.deps = deps;
        this.dependents = new TreeMap<>();
        deps.keySet().forEach(n -> dependents.put(n, new TreeSet<>()));
        deps.forEach((n, ds) -> ds.forEach(d -> dependents.get(d).add(n)));
    }

    /**
     * Builds a graph. Dependencies on unknown nodes are dropped (the validator reports dangling references).
     *
     * @throws CycleException when the edges form a cycle
     */
    public static ResourceGraph of(Map<String, ? extends java.util.Collection<String>> edges) {
        Map<String, Set<String>> d = new TreeMap<>();
        edges.forEach((n, ds) -> d.put(n, new TreeSet<>()));
        edges.forEach((n, ds) -> ds.stream().filter(d::containsKey).filter(x -> !x.equals(n)).forEach(x -> d.get(n).add(x)));
        ResourceGraph g = new ResourceGraph(d);
        g.findCycle().ifPresent(c -> { throw new CycleException(c); });
        return g;
    }

    public Set<String> nodes() {
        return Collections.unmodifiableSet(deps.keySet());
    }

    public Set<String> dependenciesOf(String node) {
        return Collections.unmodifiableSet(deps.getOrDefault(node, Set.of()));
    }

    public Set<String> dependentsOf(String node) {
        return Collections.unmodifiableSet(dependents.getOrDefault(node, Set.of()));
    }

    /** Dependencies before dependents (creation order); computed once (the graph never changes). */
    public List<String> topologicalOrder() {
        List<String> order = topological;
        if (order == null) topological = order = Collections.unmodifiableList(sort());
        return order;
    }

    private List<String> sort() {
        Map<String, Integer> remaining = new HashMap<>();
        deps.forEach((n, ds) -> remaining.put(n, ds.size()));
        TreeSet<String> ready = new TreeSet<>();
        remaining.forEach((n, c) -> { if (c == 0) ready.add(n); });
        List<String> out = new ArrayList<>(deps.size());
        while (!ready.isEmpty()) {
            String n = ready.pollFirst();
            out.add(n);
            for (String m : dependents.get(n)) if (remaining.merge(m, -1, Integer::sum) == 0) ready.add(m);
        }
        return out;
    }

    /** Dependents before dependencies (deletion order). */
    public List<String> reverseOrder() {
        List<String> order = new ArrayList<>(topologicalOrder());
        Collections.reverse(order);
        return order;
    }

    /** The nodes and everything they depend on, transitively. */
    public Set<String> closure(java.util.Collection<String> roots) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (deps.containsKey(n) && seen.add(n)) todo.addAll(deps.get(n));
        }
        return seen;
    }

    /** Longest weighted path through the graph: the lower bound of a fully parallel walk. */
    public long criticalPath(ToLongFunction<String> weight) {
        Map<String, Long> finish = new HashMap<>();
        long max = 0;
        for (String n : topologicalOrder()) {
            long start = 0;
            for (String d : deps.get(n)) start = Math.max(start, finish.get(d));
            long f = start + weight.applyAsLong(n);
            finish.put(n, f);
            max = Math.max(max, f);
        }
        return max;
    }

    /** One line per node: {@code a -> b, c}; sorted; used in tests. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        deps.forEach((n, ds) -> sb.append(n).append(ds.isEmpty() ? "" : " -> " + String.join(", ", ds)).append('\n'));
        return sb.toString();
    }

    /** Iterative: nodes Kahn's algorithm cannot order all sit on or behind a cycle; walk one of them to it. */
    private Optional<List<String>> findCycle() {
        List<String> ordered = topologicalOrder();
        if (ordered.size() == deps.size()) return Optional.empty();
        Set<String> left = new TreeSet<>(deps.keySet());
        ordered.forEach(left::remove);
        List<String> walk = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        String n = left.iterator().next();
        while (!seenAt.containsKey(n)) {
            seenAt.put(n, walk.size());
            walk.add(n);
            n = deps.get(n).stream().filter(left::contains).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(walk.subList(seenAt.get(n), walk.size()));
        cycle.add(n);
        return Optional.of(cycle);
    }
}

package dev.infra.core.exec;

import dev.infra.core.graph.ResourceGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which steps to record as pending ahead of their start, so that a step, once ready, finds its pending record stored
 * already. A step is <em>reached</em> when every step it waits for has started (one with nothing to wait for, at once);
 * it is written ahead when it is reached, or earlier, when every step it waits for is reached. Two levels give the
 * write at least two steps in a row to land: one level gave it only the last step before, and a short one (a task
 * definition or a scaling target, tens of milliseconds) left its successor waiting for a write queued behind another.
 * Not thread-safe: the scheduler's loop owns it.
 */
final class WriteAheadHorizon {
    private final ResourceGraph graph;
    private final Map<String, Integer> unstarted = new HashMap<>();
    private final Map<String, Integer> unreached = new HashMap<>();
    private final Set<String> due = new HashSet<>();

    WriteAheadHorizon(ResourceGraph graph) {
        this.graph = graph;
        for (String id : graph.topologicalOrder()) {
            int n = graph.dependenciesOf(id).size();
            unstarted.put(id, n);
            unreached.put(id, n);
        }
    }

    /** The steps to write ahead before any starts: those with nothing to wait for, and those waiting only on them. */
    List<String> initial() {
        List<String> out = new ArrayList<>();
        for (String id : graph.topologicalOrder()) if (graph.dependenciesOf(id).isEmpty()) reached(id, out);
        return out;
    }

    /** The steps to write ahead now that {@code id} has started. */
    List<String> started(String id) {
        List<String> out = new ArrayList<>();
        for (String next : graph.dependentsOf(id))
            if (unstarted.merge(next, -1, Integer::sum) == 0) reached(next, out);
        return out;
    }

    private void reached(String id, List<String> out) {
        add(id, out);
        for (String next : graph.dependentsOf(id))
            if (unreached.merge(next, -1, Integer::sum) == 0) add(next, out);
    }

    private void add(String id, List<String> out) {
        if (due.add(id)) out.add(id);
    }
}

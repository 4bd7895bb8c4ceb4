package dev.infra.core.exec;

import dev.infra.core.graph.ResourceGraph;
import dev.infra.core.plan.Action;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Plan;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The steps of a plan and their order. Creates and updates wait for the resources they read; a replaced resource is
 * deleted before it is created again (its name is usually unique); a deleted resource waits until what depended on
 * it (as recorded) is deleted or updated away from it.
 */
final class StepGraph {
    final Map<String, Step> steps = new LinkedHashMap<>();
    final ResourceGraph graph;

    StepGraph(Plan plan, State state) {
        for (Change c : plan.changes()) {
            Action a = c.action();
            if (a == Action.DELETE || a == Action.RETAIN || a == Action.REPLACE) put(new Step(Step.Kind.DELETE, c));
            if (a == Action.CREATE || a == Action.UPDATE || a == Action.REPLACE) put(new Step(Step.Kind.APPLY, c));
        }
        Map<String, Set<String>> edges = new TreeMap<>();
        steps.keySet().forEach(id -> edges.put(id, new TreeSet<>()));
        for (Step s : steps.values()) {
            String address = s.change().address();
            if (s.kind() == Step.Kind.APPLY) {
                for (String d : s.change().dependencies()) addIfStep(edges, s.id(), Step.apply(d));
                addIfStep(edges, s.id(), Step.delete(address));
            } else {
                for (ResourceState r : state.resources().values()) {
                    if (!r.dependencies().contains(address)) continue;
                    addIfStep(edges, s.id(), Step.delete(r.address()));
                    if (s.change().action() != Action.REPLACE) addIfStep(edges, s.id(), Step.apply(r.address()));
                }
            }
        }
        graph = ResourceGraph.of(edges);
    }

    private void put(Step s) {
        steps.put(s.id(), s);
    }

    private void addIfStep(Map<String, Set<String>> edges, String from, String to) {
        if (steps.containsKey(to) && !to.equals(from)) edges.get(from).add(to);
    }
}

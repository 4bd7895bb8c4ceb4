package dev.infra.core.exec;

import dev.infra.core.graph.ResourceGraph;
import dev.infra.core.plan.Action;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Plan;
import dev.infra.core.state.Deposed;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The steps of a plan and their order. Creates and updates wait for the resources they read. A replacement that
 * deletes first creates the new resource once the old one is gone; one that creates first deletes the old one only
 * after the new one exists and every reader has been updated to it. A deleted resource waits until what depended
 * on it (as recorded; for the old resource of a replacement, what depended on its address) is deleted or updated
 * away from it.
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
            if (s.kind() == Step.Kind.APPLY) applyEdges(edges, s);
            else deleteEdges(edges, s, state);
        }
        graph = ResourceGraph.of(edges);
    }

    private void applyEdges(Map<String, Set<String>> edges, Step s) {
        for (String d : s.change().dependencies()) addIfStep(edges, s.id(), Step.apply(d));
        if (!s.change().createFirst()) addIfStep(edges, s.id(), Step.delete(s.change().address()));
    }

    private void deleteEdges(Map<String, Set<String>> edges, Step s, State state) {
        Change c = s.change();
        String address = Deposed.base(c.address());
        boolean waitForReaders = c.action() != Action.REPLACE || c.createFirst();
        // the old resource goes after the new one is made (or adopted: it must not be adopted while being deleted)
        if (c.createFirst() || Deposed.is(c.address())) addIfStep(edges, s.id(), Step.apply(address));
        for (ResourceState r : state.resources().values()) {
            if (!r.dependencies().contains(address)) continue;
            addIfStep(edges, s.id(), Step.delete(r.address()));
            if (waitForReaders) addIfStep(edges, s.id(), Step.apply(r.address()));
        }
    }

    private void put(Step s) {
        steps.put(s.id(), s);
    }

    private void addIfStep(Map<String, Set<String>> edges, String from, String to) {
        if (steps.containsKey(to) && !to.equals(from)) edges.get(from).add(to);
    }
}

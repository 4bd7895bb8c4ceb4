package dev.infra.core.plan;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On the removal of a protected stage, a retained resource keeps what it stands on: a kept database keeps its subnet
 * group, security group, subnets and VPC, which AWS would refuse to delete under it anyway. Walks the recorded
 * dependencies of every {@link Action#RETAIN} change and turns the deletes it reaches into retains, naming the
 * resource that needs each. {@link #byDesign} gives the same set from the app definition alone, for the sweep of a
 * stage whose state no longer lists its retained resources (a lost or hand-edited state).
 */
public final class Retention {
    private Retention() { }

    /** The addresses a protected stage keeps: its stateful resources and, transitively, everything they depend on. */
    public static Set<String> byDesign(DesiredApp app) {
        List<String> stateful = app.resources().stream()
                .filter(r -> ResourceTypes.find(r.type()).map(ResourceSchema::stateful).orElse(false))
                .map(DesiredResource::address).toList();
        return app.graph().closure(stateful);
    }

    static List<Change> closure(List<Change> changes, State prior) {
        Map<String, Change> byAddress = new HashMap<>();
        changes.forEach(c -> byAddress.put(c.address(), c));
        Deque<Change> todo = new ArrayDeque<>();
        changes.stream().filter(c -> c.action() == Action.RETAIN).forEach(todo::add);
        while (!todo.isEmpty()) {
            Change kept = todo.pop();
            ResourceState rec = prior.resources().get(kept.address());
            if (rec == null) continue;
            for (String dep : rec.dependencies()) {
                Change d = byAddress.get(dep);
                if (d == null || d.action() != Action.DELETE) continue;
                Change retained = new Change(d.address(), d.type(), d.component(), Action.RETAIN, d.before(), d.after(), d.diffs(),
                        "retained: " + kept.address() + " needs it (the stage is protected)", d.dependencies());
                byAddress.put(dep, retained);
                todo.add(retained);
            }
        }
        return changes.stream().map(c -> byAddress.get(c.address())).toList();
    }
}

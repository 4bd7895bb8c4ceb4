package dev.infra.core.plan;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.ReplaceOrder;
import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.model.AppConfig;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.Deposed;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.State;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code plan(desired, priorState, options)}: one {@link Change} per resource. Refs are resolved against recorded
 * outputs ({@link PlannedOutputs}); an output of a resource created or replaced by this plan, or updated in a way
 * that changes it, is predicted from its new inputs or else {@link Unknown#VALUE}, and an unknown value in a
 * property that forces replacement replaces the reader too. Pure: no AWS call, no state write.
 */
public final class Planner {
    private Planner() { }

    public static Plan plan(DesiredApp desired, State prior, PlanOptions options) {
        AppConfig c = desired.config();
        PlannedOutputs outputs = new PlannedOutputs(prior, desired.schemas());
        List<Change> changes = new ArrayList<>();
        boolean targeted = !options.targets().isEmpty() && !options.destroy();
        Set<String> wanted = new HashSet<>();
        Set<String> deletedFirst = new HashSet<>();
        if (!options.destroy()) {
            Set<String> scope = targeted ? scope(desired, options.targets()) : null;
            for (DesiredResource r : desired.resources()) {
                wanted.add(r.address());
                if (scope != null && !scope.contains(r.address())) continue;
                Map<String, Object> resolved = Resolver.resolveMap(r.inputs(), outputs::lookup);
                Change ch = ordered(desired, planOne(desired, r, resolved, prior), prior, deletedFirst);
                outputs.planned(r.address(), r.type(), ch.action(), resolved);
                changes.add(ch);
            }
        }
        if (!targeted) {
            for (ResourceState r : prior.resources().values())
                if (!wanted.contains(r.address())) changes.add(removal(r, options));
        }
        if (options.destroy() && options.protect()) changes = Retention.closure(changes, prior);
        return new Plan(Plan.FORMAT_VERSION, c.app(), c.stage(), c.region(), prior.lineage(), prior.serial(), changes);
    }

    /**
     * A replacement creates first when its type allows two to coexist, its old resource is whole (not half deleted,
     * same type), and nothing it depends on is replaced delete-first: a new resource cannot be created before the
     * new one it reads, and that one waits for its old one, which waits for this resource's old one to go.
     */
    private static Change ordered(DesiredApp desired, Change c, State prior, Set<String> deletedFirst) {
        if (c.action() != Action.REPLACE) return c;
        ResourceState rec = prior.resources().get(c.address());
        boolean createFirst = desired.schemas().get(c.type()).replaceOrder() == ReplaceOrder.CREATE_FIRST
                && rec.status() != ResourceStatus.PENDING_DELETE && rec.type().equals(c.type())
                && desired.graph().closure(List.of(c.address())).stream().noneMatch(deletedFirst::contains);
        if (createFirst) return c.creatingFirst();
        deletedFirst.add(c.address());
        return c;
    }

    private static Set<String> scope(DesiredApp desired, Set<String> targets) {
        Set<String> roots = new TreeSet<>();
        for (DesiredResource r : desired.resources()) if (targets.contains(r.component())) roots.add(r.address());
        return desired.graph().closure(roots);
    }

    private static Change planOne(DesiredApp desired, DesiredResource r, Map<String, Object> resolved, State prior) {
        ResourceSchema schema = desired.schemas().get(r.type());
        ResourceState rec = prior.resources().get(r.address());
        List<String> deps = List.copyOf(desired.graph().dependenciesOf(r.address()));
        if (rec == null || rec.status() == ResourceStatus.PENDING_CREATE) {
            String reason = rec == null ? "" : "an interrupted create is resumed (adopted if it exists)";
            return change(r, Action.CREATE, Map.of(), Diffs.between(Map.of(), resolved, Set.of()), reason, deps);
        }
        if (!rec.type().equals(r.type()))
            return change(r, Action.REPLACE, rec.inputs(), Diffs.between(rec.inputs(), resolved, Set.of()), "type changed from " + rec.type(), deps);
        List<PropertyDiff> diffs = Diffs.between(rec.inputs(), resolved, schema.forceNew());
        if (rec.status() == ResourceStatus.PENDING_DELETE)
            return change(r, Action.REPLACE, rec.inputs(), diffs, "an interrupted delete is finished, then it is created again", deps);
        Set<String> forcing = new TreeSet<>();
        for (PropertyDiff d : diffs) if (d.forcesReplacement()) forcing.add(d.topLevel());
        if (!forcing.isEmpty())
            return change(r, Action.REPLACE, rec.inputs(), diffs, String.join(", ", forcing) + (forcing.size() == 1 ? " forces" : " force") + " replacement", deps);
        if (!diffs.isEmpty()) return change(r, Action.UPDATE, rec.inputs(), diffs, schema.updateNote().of(r.inputs(), changedKeys(diffs)), deps);
        if (rec.status() == ResourceStatus.PENDING_UPDATE)
            return change(r, Action.UPDATE, rec.inputs(), diffs, "an interrupted update is applied again", deps);
        return change(r, Action.NOOP, rec.inputs(), diffs, "", deps);
    }

    private static Set<String> changedKeys(List<PropertyDiff> diffs) {
        Set<String> keys = new TreeSet<>();
        for (PropertyDiff d : diffs) keys.add(d.topLevel());
        return keys;
    }

    private static Change change(DesiredResource r, Action action, Map<String, Object> before, List<PropertyDiff> diffs,
                                 String reason, List<String> deps) {
        return new Change(r.address(), r.type(), r.component(), action, before, r.inputs(), diffs, reason, deps);
    }

    private static Change removal(ResourceState r, PlanOptions options) {
        boolean stateful = ResourceTypes.find(r.type()).map(ResourceSchema::stateful).orElse(false);
        boolean retain = options.protect() && stateful && options.destroy();
        Action action = retain ? Action.RETAIN : Action.DELETE;
        String reason = retain ? "retained: the stage is protected" : options.destroy() ? "the stage is removed"
                : Deposed.is(r.address()) ? "the old resource of an unfinished replacement" : "no longer in infra.yaml";
        boolean snapshot = !retain && options.destroy() && options.finalSnapshot() && ResourceTypes.snapshotsOnDelete(r.type());
        List<PropertyDiff> diffs = new ArrayList<>();
        r.inputs().forEach((k, v) -> diffs.add(new PropertyDiff(k, v, null, false)));
        return new Change(r.address(), r.type(), r.component(), action, r.inputs(),
                snapshot ? Map.of(ResourceTypes.FINAL_SNAPSHOT, true) : Map.of(), diffs,
                snapshot ? reason + "; a final snapshot is taken first" : reason, r.dependencies());
    }
}

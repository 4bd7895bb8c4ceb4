package dev.infra.core.plan;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.State;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a saved plan would apply, checked against infra.yaml as it is now, before any change: every resource
 * it creates, updates or replaces must be one infra.yaml defines (same type and component) with exactly the inputs
 * infra.yaml gives it after validation and expansion, and a delete may carry no value but the delete-time choices.
 * So a plan file whose digests were recomputed after an edit still cannot apply a value infra.yaml did not validate.
 */
public final class SavedPlanValues {
    private static final Set<String> DELETE_CHOICES = Set.of(ResourceTypes.FINAL_SNAPSHOT);

    private SavedPlanValues() { }

    /** @throws InvalidInputException naming the first resource whose values infra.yaml does not give */
    public static void check(Plan plan, DesiredApp desired) {
        Map<String, DesiredResource> byAddress = new HashMap<>();
        desired.resources().forEach(r -> byAddress.put(r.address(), r));
        for (Change c : plan.changes()) {
            DesiredResource r = byAddress.get(c.address());
            boolean deleting = c.action() == Action.DELETE || c.action() == Action.RETAIN;
            if (deleting ? !DELETE_CHOICES.containsAll(c.after().keySet()) : !gives(r, c))
                throw new InvalidInputException("the plan file's values for " + c.address()
                        + " are not what infra.yaml gives; make a new plan with 'infra diff --out FILE'");
        }
    }

    /**
     * The diffs a saved plan prints, checked against the values it applies: each change's diffs must be what its
     * recorded {@code before} and its {@code after} (references resolved as the planner resolves them, against the
     * state the plan was made on) give. Called under the lock, with that state.
     *
     * @throws InvalidInputException naming the first resource whose printed diffs are not what its values give
     */
    public static void checkDiffs(Plan plan, State state, Map<String, ResourceSchema> schemas) {
        PlannedOutputs outputs = new PlannedOutputs(state, schemas);
        for (Change c : plan.changes()) {
            List<PropertyDiff> expected = expectedDiffs(c, outputs, schemas.get(c.type()));
            if (expected != null && !same(expected, c.diffs())
                    && !(c.action() == Action.REPLACE && same(withoutForcing(expected), withoutForcing(c.diffs()))))
                throw new InvalidInputException("the plan file's changes for " + c.address()
                        + " are not what its values give; make a new plan with 'infra diff --out FILE'");
        }
    }

    /** What the planner would show for the change's values; null when its type has no schema to tell. */
    private static List<PropertyDiff> expectedDiffs(Change c, PlannedOutputs outputs, ResourceSchema schema) {
        if (c.action() == Action.DELETE || c.action() == Action.RETAIN) {
            List<PropertyDiff> removed = new ArrayList<>();
            c.before().forEach((k, v) -> removed.add(new PropertyDiff(k, v, null, false)));
            return removed;
        }
        Map<String, Object> resolved = Resolver.resolveMap(c.after(), outputs::lookup);
        outputs.planned(c.address(), c.type(), c.action(), resolved);
        if (schema == null) return null;
        return Diffs.between(c.action() == Action.CREATE ? Map.of() : c.before(), resolved,
                c.action() == Action.CREATE ? Set.of() : schema.forceNew());
    }

    private static boolean same(List<PropertyDiff> a, List<PropertyDiff> b) {
        return PlanJson.normalized(rows(a)).equals(PlanJson.normalized(rows(b)));
    }

    private static List<Object> rows(List<PropertyDiff> diffs) {
        List<Object> out = new ArrayList<>();
        for (PropertyDiff d : diffs) out.add(java.util.Arrays.asList(d.path(), d.before(), d.after(), d.forcesReplacement()));
        return out;
    }

    /** A replacement forced by a type change marks no property as forcing it. */
    private static List<PropertyDiff> withoutForcing(List<PropertyDiff> diffs) {
        return diffs.stream().map(d -> new PropertyDiff(d.path(), d.before(), d.after(), false)).toList();
    }

    private static boolean gives(DesiredResource r, Change c) {
        return r != null && r.type().equals(c.type()) && r.component().equals(c.component())
                && PlanJson.normalized(r.inputs()).equals(PlanJson.normalized(c.after()));
    }
}

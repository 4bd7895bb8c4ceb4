package dev.infra.core.plan;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.diag.InvalidInputException;

import java.util.HashMap;
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

    private static boolean gives(DesiredResource r, Change c) {
        return r != null && r.type().equals(c.type()) && r.component().equals(c.component())
                && PlanJson.normalized(r.inputs()).equals(PlanJson.normalized(c.after()));
    }
}

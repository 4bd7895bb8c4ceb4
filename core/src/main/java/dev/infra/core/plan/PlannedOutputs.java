package dev.infra.core.plan;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.ref.Ref;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;

import java.util.HashMap;
import java.util.Map;

/**
 * The value a reference reads at plan time: the recorded output of a resource this plan leaves alone; for one it
 * creates or replaces, or updates in a way that changes the output ({@link ResourceSchema#changedByUpdate}), the
 * value its schema can predict from its new inputs (an image's URI from its source digest), else
 * {@link Unknown#VALUE}. So a reader of a changed output is planned in the same plan, and deployed in the same run.
 */
final class PlannedOutputs {
    private final State prior;
    private final Map<String, ResourceSchema> schemas;
    private final Map<String, Action> actions = new HashMap<>();
    private final Map<String, Map<String, Object>> inputs = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    PlannedOutputs(State prior, Map<String, ResourceSchema> schemas) {
        this.prior = prior;
        this.schemas = schemas;
    }

    /** Notes a planned resource (planned before anything that reads it, in dependency order). */
    void planned(String address, String type, Action action, Map<String, Object> resolvedInputs) {
        actions.put(address, action);
        inputs.put(address, resolvedInputs);
        types.put(address, type);
    }

    Object lookup(Ref ref) {
        ResourceState dep = prior.resources().get(ref.address());
        Action a = actions.get(ref.address());
        if (dep != null && !changes(a, ref)) {
            Object v = dep.outputs().get(ref.attribute());
            if (v != null) return v;
        }
        return predicted(ref);
    }

    private boolean changes(Action a, Ref ref) {
        if (a == Action.CREATE || a == Action.REPLACE) return true;
        if (a != Action.UPDATE) return false;
        ResourceSchema s = schemas.get(types.get(ref.address()));
        return s != null && s.changedByUpdate().contains(ref.attribute());
    }

    private Object predicted(Ref ref) {
        ResourceSchema s = schemas.get(types.get(ref.address()));
        Map<String, Object> in = inputs.get(ref.address());
        if (s == null || in == null) return Unknown.VALUE;
        Object v = s.predictor().outputs(in).get(ref.attribute());
        return v == null ? Unknown.VALUE : v;
    }
}

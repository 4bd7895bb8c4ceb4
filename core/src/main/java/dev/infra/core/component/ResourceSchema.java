package dev.infra.core.component;

import java.util.Map;
import java.util.Set;

/**
 * What the planner must know of a resource type without asking AWS.
 *
 * @param type            e.g. {@code aws.ec2.Vpc}
 * @param forceNew        input properties (top-level keys) whose change forces a replacement
 * @param outputs         attributes the provider returns after create, readable by {@code Ref}s
 * @param stateful        whether deleting or replacing it loses data (asks before doing it; retained on protected stages)
 * @param changedByUpdate outputs an in-place update can change (an image's URI when its source changed): a reader of
 *                        one sees it as unknown, or as {@code predictor}'s value, when the resource is updated
 * @param predictor       the outputs that create or update will return, told from the resolved inputs alone where
 *                        possible, so the plan can show the exact new value instead of "known after apply"
 * @param replaceOrder    whether a replacement creates the new resource before deleting the old one
 */
public record ResourceSchema(String type, Set<String> forceNew, Set<String> outputs, boolean stateful,
                             Set<String> changedByUpdate, Predictor predictor, ReplaceOrder replaceOrder) {
    public ResourceSchema {
        forceNew = Set.copyOf(forceNew);
        outputs = Set.copyOf(outputs);
        changedByUpdate = Set.copyOf(changedByUpdate);
        if (!outputs.containsAll(changedByUpdate))
            throw new IllegalArgumentException(type + ": outputs an update changes must be outputs: " + changedByUpdate);
    }

    public ResourceSchema(String type, Set<String> forceNew, Set<String> outputs, boolean stateful,
                          Set<String> changedByUpdate, Predictor predictor) {
        this(type, forceNew, outputs, stateful, changedByUpdate, predictor, ReplaceOrder.DELETE_FIRST);
    }

    public ResourceSchema(String type, Set<String> forceNew, Set<String> outputs, boolean stateful) {
        this(type, forceNew, outputs, stateful, Set.of(), Predictor.NONE);
    }

    /** The same schema with another replacement order. */
    public ResourceSchema replacing(ReplaceOrder order) {
        return new ResourceSchema(type, forceNew, outputs, stateful, changedByUpdate, predictor, order);
    }

    /** Outputs told from resolved inputs; a value it cannot tell is simply absent from the map. */
    @FunctionalInterface
    public interface Predictor {
        Predictor NONE = inputs -> Map.of();

        Map<String, Object> outputs(Map<String, Object> resolvedInputs);
    }
}

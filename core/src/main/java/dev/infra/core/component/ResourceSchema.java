package dev.infra.core.component;

import java.util.Map;
import java.util.Set;

/**
 * What the planner and the executor must know of a resource type without asking AWS: everything type-specific,
 * in one declaration per type ({@link #of(String)}).
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
 * @param nameKey         the input that holds its name in AWS ({@code family}, {@code dbInstanceIdentifier}); empty
 *                        when it has none
 * @param typicalSeconds  how long a create typically takes in AWS: the executor starts the ready step with the
 *                        longest expected chain behind it first (rough figures; only their proportions matter)
 * @param snapshotOnDelete whether a delete can take a final snapshot ({@link ResourceTypes#FINAL_SNAPSHOT})
 * @param inputs          every input the type takes, by key: what a component may emit and a provider may read
 * @param updateNote      what an in-place update does beyond setting properties, for the plan's reader
 */
public record ResourceSchema(String type, Set<String> forceNew, Set<String> outputs, boolean stateful,
                             Set<String> changedByUpdate, Predictor predictor, ReplaceOrder replaceOrder,
                             String nameKey, int typicalSeconds, boolean snapshotOnDelete, Map<String, InputSpec> inputs,
                             UpdateNote updateNote) {
    public ResourceSchema {
        inputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inputs));
        forceNew = Set.copyOf(forceNew);
        outputs = Set.copyOf(outputs);
        changedByUpdate = Set.copyOf(changedByUpdate);
        if (!outputs.containsAll(changedByUpdate))
            throw new IllegalArgumentException(type + ": outputs an update changes must be outputs: " + changedByUpdate);
        if (typicalSeconds < 1) throw new IllegalArgumentException(type + ": a create takes at least a second");
        if (!inputs.isEmpty() && !inputs.keySet().containsAll(forceNew))
            throw new IllegalArgumentException(type + ": inputs that force replacement must be declared inputs: " + forceNew);
        if (!nameKey.isEmpty() && !inputs.isEmpty() && !inputs.containsKey(nameKey))
            throw new IllegalArgumentException(type + ": its name key must be a declared input: " + nameKey);
    }

    /** A schema of {@code type} with no inputs forcing replacement, no outputs, delete-first, about 3 s to create. */
    public static ResourceSchema of(String type) {
        return new ResourceSchema(type, Set.of(), Set.of(), false, Set.of(), Predictor.NONE, ReplaceOrder.DELETE_FIRST, "", 3, false, Map.of(), UpdateNote.NONE);
    }

    public ResourceSchema forceNew(String... keys) {
        return new ResourceSchema(type, Set.of(keys), outputs, stateful, changedByUpdate, predictor, replaceOrder, nameKey, typicalSeconds, snapshotOnDelete, inputs, updateNote);
    }

    public ResourceSchema outputs(String... names) {
        return new ResourceSchema(type, forceNew, Set.of(names), stateful, changedByUpdate, predictor, replaceOrder, nameKey, typicalSeconds, snapshotOnDelete, inputs, updateNote);
    }

    /** Holds data: deleting or replacing it asks first, and a protected stage keeps it. */
    public ResourceSchema holdsData() {
        return new ResourceSchema(type, forceNew, outputs, true, changedByUpdate, predictor, replaceOrder, nameKey, typicalSeconds, snapshotOnDelete, inputs, updateNote);
    }

    public ResourceSchema changedByUpdate(Predictor how, String... names) {
        return new ResourceSchema(type, forceNew, outputs, stateful, Set.of(names), how, replaceOrder, nameKey, typicalSeconds, snapshotOnDelete, inputs, updateNote);
    }

    public ResourceSchema replacing(ReplaceOrder order) {
        return new ResourceSchema(type, forceNew, outputs, stateful, changedByUpdate, predictor, order, nameKey, typicalSeconds, snapshotOnDelete, inputs, updateNote);
    }

    public ResourceSchema named(String key) {
        return new ResourceSchema(type, forceNew, outputs, stateful, changedByUpdate, predictor, replaceOrder, key, typicalSeconds, snapshotOnDelete, inputs, updateNote);
    }

    public ResourceSchema takes(int seconds) {
        return new ResourceSchema(type, forceNew, outputs, stateful, changedByUpdate, predictor, replaceOrder, nameKey, seconds, snapshotOnDelete, inputs, updateNote);
    }

    public ResourceSchema snapshotsOnDelete() {
        return new ResourceSchema(type, forceNew, outputs, stateful, changedByUpdate, predictor, replaceOrder, nameKey, typicalSeconds, true, inputs, updateNote);
    }

    /** Declares the inputs, each {@code "key:kind"} or {@code "key:kind?"} when optional (see {@link InputSpec}). */
    public ResourceSchema takesInputs(String... declarations) {
        Map<String, InputSpec> in = new java.util.LinkedHashMap<>();
        for (String d : declarations) {
            InputSpec spec = InputSpec.parse(d);
            if (in.put(spec.key(), spec) != null) throw new IllegalArgumentException(type + ": input " + spec.key() + " declared twice");
        }
        return new ResourceSchema(type, forceNew, outputs, stateful, changedByUpdate, predictor, replaceOrder, nameKey, typicalSeconds, snapshotOnDelete, in, updateNote);
    }

    /** Says what an in-place update does beyond setting properties (a blue/green deployment shifting traffic). */
    public ResourceSchema notesUpdates(UpdateNote note) {
        return new ResourceSchema(type, forceNew, outputs, stateful, changedByUpdate, predictor, replaceOrder, nameKey, typicalSeconds, snapshotOnDelete, inputs, note);
    }

    /** Its name in AWS as the resolved inputs give it; empty when the type has none or the input is not a string. */
    public String physicalName(Map<String, Object> inputs) {
        return !nameKey.isEmpty() && inputs.get(nameKey) instanceof String s ? s : "";
    }

    /** Outputs told from resolved inputs; a value it cannot tell is simply absent from the map. */
    @FunctionalInterface
    public interface Predictor {
        Predictor NONE = inputs -> Map.of();

        Map<String, Object> outputs(Map<String, Object> resolvedInputs);
    }

    /** What an in-place update does beyond setting properties, told from the desired inputs and the changed keys. */
    @FunctionalInterface
    public interface UpdateNote {
        UpdateNote NONE = (after, changed) -> "";

        /** The note, or empty when there is nothing to say. */
        String of(Map<String, Object> after, Set<String> changedKeys);
    }
}

package dev.infra.core.component;

import java.util.Map;

/**
 * Components emit through the schema: a resource whose type has no schema, an input its type does not declare, a
 * declared input of the wrong kind, or a required one missing stops the expansion, naming the component and the
 * key. These are defects of infra, not of infra.yaml; they are found by any test that expands an app.
 */
final class DeclaredInputs {
    private DeclaredInputs() { }

    static void check(String component, String address, String type, Map<String, Object> inputs) {
        ResourceSchema schema = ResourceTypes.find(type)
                .orElseThrow(() -> defect(component, address + " has type " + type + ", which no schema declares"));
        for (Map.Entry<String, Object> e : inputs.entrySet()) {
            InputSpec spec = schema.inputs().get(e.getKey());
            if (spec == null) throw defect(component, address + " (" + type + ") has input '" + e.getKey() + "', which its type does not declare");
            if (!spec.accepts(e.getValue()))
                throw defect(component, address + " (" + type + ") has input '" + e.getKey() + "' that is not a " + spec.kind().name().toLowerCase());
        }
        for (InputSpec spec : schema.inputs().values())
            if (spec.required() && !inputs.containsKey(spec.key()))
                throw defect(component, address + " (" + type + ") lacks the required input '" + spec.key() + "'");
    }

    private static IllegalStateException defect(String component, String what) {
        return new IllegalStateException("component " + component + ": " + what);
    }
}

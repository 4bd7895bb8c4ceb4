package dev.infra.core.component;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resource's inputs as handed to its provider, read through its type's schema: a provider asking for a key the
 * schema does not declare, or reading a declared key as another kind, is a defect of infra and fails at once instead
 * of leaving an AWS field silently unset. An ordinary read-only map otherwise (values of keys no longer declared, as
 * an older state may hold, stay readable by iteration).
 */
public final class SchemaInputs extends AbstractMap<String, Object> {
    private final ResourceSchema schema;
    private final Map<String, Object> values;

    private SchemaInputs(ResourceSchema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = values;
    }

    /** The inputs read through {@code type}'s schema; a plain read-only copy for a type no schema declares. */
    public static Map<String, Object> of(String type, Map<String, Object> inputs) {
        if (inputs instanceof SchemaInputs s && s.schema.type().equals(type)) return s;
        Map<String, Object> copy = Collections.unmodifiableMap(new TreeMap<>(inputs));
        return ResourceTypes.find(type).filter(s -> !s.inputs().isEmpty())
                .<Map<String, Object>>map(s -> new SchemaInputs(s, copy)).orElse(copy);
    }

    /**
     * Fails unless the schema declares {@code key} as one of {@code kinds} (any kind when none is given); inputs not
     * read through a schema pass.
     */
    public static void require(Map<String, Object> inputs, String key, InputSpec.Kind... kinds) {
        if (!(inputs instanceof SchemaInputs s)) return;
        InputSpec spec = s.schema.inputs().get(key);
        if (spec == null)
            throw new IllegalStateException(s.schema.type() + " has no input '" + key + "': its provider reads only what its schema declares");
        if (kinds.length > 0 && !Arrays.asList(kinds).contains(spec.kind()))
            throw new IllegalStateException(s.schema.type() + "'s input '" + key + "' is a " + spec.kind().name().toLowerCase()
                    + ", read as " + Arrays.toString(kinds).toLowerCase());
    }

    /** Fails when a read reports an input its type does not declare: drift in it could never be shown. */
    public static void requireReported(String type, Set<String> reported) {
        ResourceTypes.find(type).filter(s -> !s.inputs().isEmpty()).ifPresent(s -> {
            for (String key : reported)
                if (!s.inputs().containsKey(key))
                    throw new IllegalStateException("the read of " + type + " reports input '" + key + "', which its schema does not declare");
        });
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }
}

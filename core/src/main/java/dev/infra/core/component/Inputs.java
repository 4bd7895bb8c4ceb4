package dev.infra.core.component;

import dev.infra.core.ref.Concat;
import dev.infra.core.ref.Ref;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for input values: maps that skip null values, refs, concatenations. */
public final class Inputs {
    private Inputs() { }

    /** A map of key/value pairs; pairs with a null value are left out. */
    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    public static Ref ref(String address, String attribute) {
        return new Ref(address, attribute);
    }

    public static Concat concat(Object... parts) {
        return new Concat(List.of(parts));
    }

    /** A deep, immutable copy with maps sorted by key, so expansion output is the same on every run. */
    @SuppressWarnings("unchecked")
    public static Object canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put((String) k, canonical(v)));
            return java.util.Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>(l.size());
            l.forEach(v -> out.add(canonical(v)));
            return java.util.Collections.unmodifiableList(out);
        }
        return value;
    }
}

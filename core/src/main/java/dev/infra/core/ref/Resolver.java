package dev.infra.core.ref;

import dev.infra.core.plan.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replaces the {@link Ref}s inside a value by what {@code lookup} returns for them. A lookup may return
 * {@link Unknown#VALUE} (the planner does, for outputs of resources not yet created); a {@link Concat} with any
 * unknown part is unknown as a whole, otherwise it becomes a String.
 */
public final class Resolver {
    private Resolver() { }

    public static Object resolve(Object value, Function<Ref, Object> lookup) {
        if (value instanceof Ref r) return lookup.apply(r);
        if (value instanceof Concat c) return concat(c, lookup);
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, resolve(v, lookup)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(resolve(v, lookup)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> resolveMap(Map<String, Object> inputs, Function<Ref, Object> lookup) {
        return (Map<String, Object>) resolve(inputs, lookup);
    }

    private static Object concat(Concat c, Function<Ref, Object> lookup) {
        StringBuilder sb = new StringBuilder();
        for (Object p : c.parts()) {
            Object v = resolve(p, lookup);
            if (v == Unknown.VALUE) return Unknown.VALUE;
            sb.append(v);
        }
        return sb.toString();
    }

    /** Whether a resolved value still holds an unknown anywhere. */
    public static boolean hasUnknown(Object value) {
        if (value == Unknown.VALUE) return true;
        if (value instanceof Map<?, ?> m) return m.values().stream().anyMatch(Resolver::hasUnknown);
        if (value instanceof List<?> l) return l.stream().anyMatch(Resolver::hasUnknown);
        return false;
    }
}

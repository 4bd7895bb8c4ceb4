package dev.infra.core.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value flattened to its scalar leaves, keyed by path suffix in the planner's path syntax: {@code .key} for a map
 * entry, {@code [name]} for an element of a list of maps with distinct names, {@code [0]} for any other element. An
 * empty map or list is a leaf of its own. Used to show a long value (container definitions, a policy) property by
 * property.
 */
final class Leaves {
    private Leaves() { }

    static Map<String, Object> of(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        add("", value, out);
        return out;
    }

    private static void add(String path, Object v, Map<String, Object> out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, x) -> add(path + "." + k, x, out));
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            boolean named = l.stream().allMatch(e -> e instanceof Map<?, ?> m && m.get("name") instanceof String)
                    && l.stream().map(e -> ((Map<?, ?>) e).get("name")).distinct().count() == l.size();
            for (int i = 0; i < l.size(); i++)
                add(path + "[" + (named ? ((Map<?, ?>) l.get(i)).get("name") : String.valueOf(i)) + "]", l.get(i), out);
        } else {
            out.put(path, v);
        }
    }
}

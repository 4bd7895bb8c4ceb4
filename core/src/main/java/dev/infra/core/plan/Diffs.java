package dev.infra.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-property differences between recorded and desired inputs. Nested maps are compared key by key; lists of maps
 * that each have a unique {@code name} (WAF rules, containers) element by name, as {@code rules[rate-limit].limit};
 * other lists of equal length element by index, as {@code subnets[1]}; any other list as a whole.
 */
final class Diffs {
    private Diffs() { }

    static List<PropertyDiff> between(Map<String, Object> before, Map<String, Object> after, Set<String> forceNew) {
        List<PropertyDiff> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) compare(k, before.get(k), after.get(k), forceNew.contains(k), out);
        return out;
    }

    private static void compare(String path, Object before, Object after, boolean forces, List<PropertyDiff> out) {
        if (after != Unknown.VALUE && Values.same(before, after)) return;
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
            Set<Object> keys = new TreeSet<>(b.keySet());
            keys.addAll(a.keySet());
            for (Object k : keys) compare(path + "." + k, b.get(k), a.get(k), forces, out);
            return;
        }
        if (before instanceof List<?> b && after instanceof List<?> a) {
            Map<String, Object> bn = byName(b);
            Map<String, Object> an = byName(a);
            if (bn != null && an != null) {
                Set<String> names = new LinkedHashSet<>(bn.keySet());
                names.addAll(an.keySet());
                for (String n : names) compare(path + "[" + n + "]", bn.get(n), an.get(n), forces, out);
                return;
            }
            if (b.size() == a.size()) {
                for (int i = 0; i < b.size(); i++) compare(path + "[" + i + "]", b.get(i), a.get(i), forces, out);
                return;
            }
        }
        out.add(new PropertyDiff(path, before, after, forces));
    }

    /** The elements by their {@code name}, in order; null unless every element is a map with a distinct string name. */
    private static Map<String, Object> byName(List<?> list) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String n) || out.put(n, o) != null) return null;
        }
        return list.isEmpty() ? null : out;
    }
}

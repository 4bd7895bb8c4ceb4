package dev.infra.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Per-property differences between recorded and desired inputs; nested maps are compared key by key. */
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
        out.add(new PropertyDiff(path, before, after, forces));
    }
}

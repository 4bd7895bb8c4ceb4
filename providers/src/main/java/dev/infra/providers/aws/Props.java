package dev.infra.providers.aws;

import dev.infra.core.component.InputSpec.Kind;
import dev.infra.core.component.SchemaInputs;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of a request's resolved inputs (JSON-like values: strings, numbers, booleans, lists, maps). A
 * resource's own inputs are read through its type's schema ({@link SchemaInputs}): a key it does not declare, or one
 * of another kind, fails at once. Nested values (a health check, a container definition) are plain maps.
 */
public final class Props {
    private Props() { }

    private static Object value(Map<String, Object> in, String key, Kind... kinds) {
        SchemaInputs.require(in, key, kinds);
        return in.get(key);
    }

    public static String str(Map<String, Object> in, String key) {
        Object v = value(in, key, Kind.STRING, Kind.NUMBER);
        return v == null ? null : String.valueOf(v);
    }

    public static String str(Map<String, Object> in, String key, String fallback) {
        String v = str(in, key);
        return v == null ? fallback : v;
    }

    public static Integer integer(Map<String, Object> in, String key) {
        Object v = value(in, key, Kind.NUMBER);
        if (v == null) return null;
        return v instanceof Number n ? n.intValue() : Integer.valueOf(String.valueOf(v));
    }

    public static Double number(Map<String, Object> in, String key) {
        Object v = value(in, key, Kind.NUMBER);
        if (v == null) return null;
        return v instanceof Number n ? n.doubleValue() : Double.valueOf(String.valueOf(v));
    }

    public static boolean bool(Map<String, Object> in, String key) {
        Object v = value(in, key, Kind.BOOLEAN);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> in, String key) {
        Object v = value(in, key, Kind.LIST);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public static List<String> strings(Map<String, Object> in, String key) {
        return list(in, key).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> in, String key) {
        Object v = value(in, key, Kind.OBJECT);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Map<String, Object> in, String key) {
        return list(in, key).stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
    }

    /**
     * A live list of ids in the recorded order when it holds the same ids (AWS may return them in any order), the
     * live order otherwise: equal sets then show no drift.
     */
    public static List<String> inRecordedOrder(List<String> live, Map<String, Object> recorded, String key) {
        List<String> before = strings(recorded, key);
        return new java.util.HashSet<>(before).equals(new java.util.HashSet<>(live)) && before.size() == live.size() ? before : live;
    }
}

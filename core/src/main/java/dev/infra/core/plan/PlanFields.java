package dev.infra.core.plan;

import dev.infra.core.diag.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of one object of a plan file, read with errors a user can act on: which object, which field, what
 * was expected; never a Java class or enum name.
 */
final class PlanFields {
    private final Map<String, Object> m;
    private final String where;

    PlanFields(Map<String, Object> m, String where) {
        this.m = m;
        this.where = where;
    }

    String where() {
        return where;
    }

    String str(String key) {
        if (m.get(key) instanceof String s) return s;
        throw bad(key, "a string");
    }

    Number number(String key) {
        if (m.get(key) instanceof Number n) return n;
        throw bad(key, "a number");
    }

    boolean bool(String key) {
        if (m.get(key) instanceof Boolean b) return b;
        throw bad(key, "true or false");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String key) {
        if (m.get(key) instanceof Map<?, ?> x) return (Map<String, Object>) x;
        throw bad(key, "an object");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> maps(String key) {
        if (m.get(key) instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map)) return (List<Map<String, Object>>) l;
        throw bad(key, "a list of objects");
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String key) {
        if (m.get(key) instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) return (List<String>) l;
        throw bad(key, "a list of strings");
    }

    Action action(String key) {
        String s = str(key);
        for (Action a : Action.values()) if (a.name().toLowerCase(Locale.ROOT).equals(s)) return a;
        throw new InvalidInputException("not a valid plan file: " + where + " has an unknown action '" + s + "'");
    }

    private InvalidInputException bad(String key, String expected) {
        return new InvalidInputException("not a valid plan file: " + where + " needs '" + key + "' as " + expected);
    }
}

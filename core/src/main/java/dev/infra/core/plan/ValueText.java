package dev.infra.core.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One-line text of an input value for plans: strings quoted, maps and lists inline, unknowns spelled out. */
public final class ValueText {
    private ValueText() { }

    public static String of(Object v) {
        if (v == null) return "(none)";
        if (v == Unknown.VALUE) return "(known after apply)";
        if (v instanceof String s) return quote(s);
        if (v instanceof Map<?, ?> m) return m.entrySet().stream().map(e -> e.getKey() + ": " + of(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        if (v instanceof List<?> l) return l.stream().map(ValueText::of).collect(Collectors.joining(", ", "[", "]"));
        return String.valueOf(v);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}

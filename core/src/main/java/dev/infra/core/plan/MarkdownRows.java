package dev.infra.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property table of one change in markdown. A map or list too long for one cell (container definitions, a
 * policy) is shown leaf by leaf: a create lists every leaf, an update the leaves that differ.
 */
final class MarkdownRows {
    /** A map or list whose one-line text is longer than this is split into its leaves. */
    static final int LONG = 80;

    private MarkdownRows() { }

    static String table(Change c) {
        StringBuilder sb = new StringBuilder();
        boolean create = c.action() == Action.CREATE;
        sb.append(create ? "| property | value |\n| --- | --- |\n" : "| property | before | after |\n| --- | --- | --- |\n");
        for (PropertyDiff d : rows(c.diffs())) {
            String path = MarkdownText.code(d.path()) + (d.forcesReplacement() && c.action() == Action.REPLACE ? " **forces replacement**" : "");
            if (create) {
                sb.append("| ").append(path).append(" | ").append(MarkdownText.cell(d.after())).append(" |\n");
            } else {
                String[] cells = MarkdownText.cells(d.before(), d.after());
                sb.append("| ").append(path).append(" | ").append(cells[0]).append(" | ").append(cells[1]).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** The diffs, long values replaced by their changed leaves. */
    static List<PropertyDiff> rows(List<PropertyDiff> diffs) {
        List<PropertyDiff> out = new ArrayList<>();
        for (PropertyDiff d : diffs) {
            if (!isLong(d.before()) && !isLong(d.after())) {
                out.add(d);
                continue;
            }
            Map<String, Object> b = d.before() == null ? Map.of() : Leaves.of(d.before());
            Map<String, Object> a = d.after() == null ? Map.of() : Leaves.of(d.after());
            Set<String> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String k : keys) {
                Object before = b.get(k);
                Object after = a.get(k);
                if (after == Unknown.VALUE || !Values.same(before, after))
                    out.add(new PropertyDiff(d.path() + k, before, after, d.forcesReplacement()));
            }
        }
        return out;
    }

    private static boolean isLong(Object v) {
        return (v instanceof Map<?, ?> || v instanceof List<?>) && ValueText.of(v).length() > LONG;
    }
}

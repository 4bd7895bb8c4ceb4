package dev.infra.core.plan;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One component's collapsible block in the markdown form of a plan: its changes, the ones that matter most first
 * (data lost, replacements, deletes, updates, creates, retained), at a chosen level of detail.
 */
final class MarkdownBlock {
    /** How much a block shows: every property table, the tables of all but creates, resource lines only. */
    enum Detail { FULL, CHANGES, LINES }

    /** A rendered block and what it left out: property tables, and resources not listed at all. */
    record Rendered(String text, int tablesLeftOut, int resourcesLeftOut) { }

    private final String component;
    private final List<Change> changes;

    MarkdownBlock(String component, List<Change> changes) {
        this.component = component;
        this.changes = changes.stream().sorted(Comparator.comparingInt(MarkdownBlock::rank)).toList();
    }

    /** Lower is more important: data lost, replacement, delete, update, create, retained. */
    static int rank(Change c) {
        if (Destructive.losesData(c)) return 0;
        return switch (c.action()) {
            case REPLACE -> 1;
            case DELETE -> 2;
            case UPDATE -> 3;
            case CREATE -> 4;
            case RETAIN, NOOP -> 5;
        };
    }

    int rank() {
        return rank(changes.get(0));
    }

    int size() {
        return changes.size();
    }

    /** The block listing at most {@code maxResources} of its resources (the rest only counted). */
    Rendered render(Detail detail, int maxResources) {
        StringBuilder sb = new StringBuilder(open());
        int tables = 0;
        int shown = Math.min(maxResources, changes.size());
        for (Change c : changes.subList(0, shown)) {
            boolean table = hasTable(c) && (detail == Detail.FULL || detail == Detail.CHANGES && c.action() != Action.CREATE);
            if (hasTable(c) && !table) tables++;
            if (detail == Detail.LINES) sb.append("- ").append(line(c)).append('\n');
            else sb.append(line(c)).append("\n\n").append(table ? MarkdownRows.table(c) + "\n" : "");
        }
        if (detail == Detail.LINES && shown > 0) sb.append('\n');
        int left = changes.size() - shown;
        if (tables > 0) sb.append("_Properties of ").append(count(tables, "resource")).append(" left out (size limit)._\n\n");
        if (left > 0) sb.append("_").append(count(left, shown == 0 ? "resource" : "more resource")).append(" left out (size limit)._\n\n");
        return new Rendered(sb.append("</details>\n\n").toString(), tables, left);
    }

    private static boolean hasTable(Change c) {
        return (c.action() == Action.CREATE || c.action() == Action.UPDATE || c.action() == Action.REPLACE) && !c.diffs().isEmpty();
    }

    private String open() {
        Map<Action, Integer> n = new EnumMap<>(Action.class);
        changes.forEach(c -> n.merge(c.action(), 1, Integer::sum));
        StringJoiner counts = new StringJoiner(", ");
        n.forEach((a, k) -> counts.add(k + " " + MarkdownPlanRenderer.verb(a)));
        boolean destructive = changes.stream().anyMatch(Destructive::of);
        return "<details><summary><b>" + MarkdownText.html(component) + "</b>: " + counts + (destructive ? " ⚠️" : "")
                + "</summary>\n\n";
    }

    /** One resource: action symbol, address, type, the reason, and a mark when it is destructive. */
    static String line(Change c) {
        StringBuilder sb = new StringBuilder(MarkdownText.code(c.symbol())).append(" **")
                .append(MarkdownText.code(c.address())).append("** ").append(MarkdownText.code(c.type()));
        if (!c.reason().isEmpty()) sb.append(" — ").append(MarkdownText.html(c.reason()));
        if (Destructive.losesData(c)) sb.append(" ⚠️ **deletes data**");
        else if (Destructive.of(c)) sb.append(" ⚠️");
        return sb.toString();
    }

    static String count(int n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}

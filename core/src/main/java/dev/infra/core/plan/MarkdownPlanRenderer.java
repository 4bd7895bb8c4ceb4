package dev.infra.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The markdown form of a plan, for a pull-request comment: a hidden marker that names app and stage (so a workflow
 * finds and updates its own comment), the summary line, a table of counts, destructive changes and replacements with
 * their reasons called out, then one collapsible block per component. It stays under {@link #MAX_CHARS} (a comment's
 * limit): past that the least important blocks lose their property tables, then their resource lines, then the
 * blocks themselves, and a note up front says what was left out. Values are the plan's, so no secret is in them.
 */
public final class MarkdownPlanRenderer {
    public static final int MAX_CHARS = 65_000;
    /** Room kept for the note of what was left out. */
    private static final int NOTE_ROOM = 600;
    /** Items named in a call-out list before the rest are only counted. */
    private static final int LISTED = 25;
    private final int maxChars;

    public MarkdownPlanRenderer() {
        this(MAX_CHARS);
    }

    MarkdownPlanRenderer(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The HTML comment a comment made from this plan starts with: {@code <!-- infra diff: app/stage -->}. */
    public static String marker(Plan plan) {
        return "<!-- infra diff: " + plan.app() + "/" + plan.stage() + " -->";
    }

    public String render(Plan plan) {
        String header = header(plan);
        if (!plan.hasChanges()) return header;
        List<MarkdownBlock> blocks = blocks(plan);
        MarkdownFit fit = MarkdownFit.of(blocks, maxChars - header.length() - NOTE_ROOM);
        return header + fit.note(maxChars) + String.join("", fit.texts());
    }

    private static String header(Plan plan) {
        StringBuilder sb = new StringBuilder(marker(plan)).append('\n')
                .append("### infra diff: ").append(MarkdownText.html(plan.app())).append(" / ").append(MarkdownText.html(plan.stage()))
                .append(" (").append(MarkdownText.html(plan.region())).append(")\n\n")
                .append("**").append(PlanRenderer.summary(plan)).append("**\n\n");
        if (!plan.hasChanges()) return sb.toString();
        sb.append("| action | resources |\n| --- | ---: |\n");
        PlanRenderer.counts(plan).forEach((a, n) -> {
            if (n > 0) sb.append("| ").append(a == Action.NOOP ? "" : MarkdownText.code(a.symbol()) + " ").append(verb(a))
                    .append(" | ").append(String.format("%,d", n)).append(" |\n");
        });
        sb.append('\n');
        destructive(plan, sb);
        retained(plan, sb);
        replacements(plan, sb);
        return sb.toString();
    }

    private static void destructive(Plan plan, StringBuilder sb) {
        long n = plan.changes().stream().filter(Destructive::of).count();
        if (n == 0) return;
        List<Change> data = plan.changes().stream().filter(Destructive::losesData).toList();
        sb.append("> ⚠️ **").append(MarkdownBlock.count((int) n, "resource")).append(n == 1 ? " is" : " are")
                .append(" deleted or replaced.**");
        if (!data.isEmpty()) {
            sb.append(" Data is lost with ").append(data.size() == 1 ? "this one: " : "these: ");
            listed(data, c -> MarkdownText.code(c.address()) + " (" + verb(c.action()).replace("to ", "") + ")", sb, ", ");
            sb.append('.');
        }
        sb.append("\n\n");
    }

    private static void retained(Plan plan, StringBuilder sb) {
        List<Change> kept = plan.changes().stream().filter(c -> c.action() == Action.RETAIN).toList();
        if (kept.isEmpty()) return;
        sb.append("**Kept in AWS** (the stage is protected): ");
        listed(kept, c -> MarkdownText.code(c.address()), sb, ", ");
        sb.append(".\n\n");
    }

    private static void replacements(Plan plan, StringBuilder sb) {
        List<Change> replaced = plan.changes().stream().filter(c -> c.action() == Action.REPLACE).toList();
        if (replaced.isEmpty()) return;
        sb.append("**Replacements** (each is deleted, then created again):\n\n");
        listed(replaced, c -> "- " + MarkdownBlock.line(c), sb, "\n");
        sb.append("\n\n");
    }

    private static void listed(List<Change> items, java.util.function.Function<Change, String> text, StringBuilder sb, String sep) {
        for (int i = 0; i < Math.min(LISTED, items.size()); i++) sb.append(i == 0 ? "" : sep).append(text.apply(items.get(i)));
        if (items.size() > LISTED) sb.append(sep).append(sep.equals("\n") ? "- " : "").append("and ").append(items.size() - LISTED).append(" more");
    }

    /** One block per component with changes, the most important first, in plan order among equals. */
    private static List<MarkdownBlock> blocks(Plan plan) {
        Map<String, List<Change>> by = new LinkedHashMap<>();
        for (Change c : plan.changes()) if (c.action().changes()) by.computeIfAbsent(c.component(), k -> new ArrayList<>()).add(c);
        List<MarkdownBlock> out = new ArrayList<>();
        by.forEach((component, changes) -> out.add(new MarkdownBlock(component, changes)));
        out.sort(Comparator.comparingInt(MarkdownBlock::rank));
        return out;
    }

    static String verb(Action a) {
        return switch (a) {
            case CREATE -> "to create";
            case UPDATE -> "to update";
            case REPLACE -> "to replace";
            case DELETE -> "to delete";
            case RETAIN -> "retained";
            case NOOP -> "unchanged";
        };
    }
}

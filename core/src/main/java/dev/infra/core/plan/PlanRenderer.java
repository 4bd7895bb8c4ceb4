package dev.infra.core.plan;

import java.util.EnumMap;
import java.util.Map;

/**
 * The text form of a plan, Terraform-like: a line per changed resource with its action symbol and the reason for a
 * replacement ({@code -/+} deletes the old one first, {@code +/-} creates the new one first), a line per changed property, and a summary. Unchanged resources are counted, not listed.
 */
public final class PlanRenderer {
    private static final String RESET = "\u001b[0m";
    private static final Map<Action, String> COLORS = new EnumMap<>(Map.of(Action.CREATE, "\u001b[32m",
            Action.UPDATE, "\u001b[33m", Action.REPLACE, "\u001b[35m", Action.DELETE, "\u001b[31m",
            Action.RETAIN, "\u001b[36m", Action.NOOP, ""));
    private final boolean color;

    public PlanRenderer(boolean color) {
        this.color = color;
    }

    public String render(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(plan.app()).append(" / ").append(plan.stage()).append(" (").append(plan.region()).append(")\n");
        for (Change c : plan.changes()) if (c.action().changes()) change(sb, c);
        return sb.append(summary(plan)).append('\n').toString();
    }

    private void change(StringBuilder sb, Change c) {
        String paint = color ? COLORS.get(c.action()) : "";
        String reset = color ? RESET : "";
        sb.append('\n').append(paint).append(String.format("%3s ", c.symbol())).append(c.address()).append(reset)
                .append("  ").append(c.type());
        if (!c.reason().isEmpty()) sb.append("  (").append(c.reason()).append(c.createFirst() ? "; the new one is created first" : "").append(')');
        sb.append('\n');
        if (c.action() == Action.DELETE || c.action() == Action.RETAIN) return;
        for (PropertyDiff d : c.diffs()) {
            sb.append("      ").append(d.path()).append(": ");
            if (c.action() == Action.CREATE) sb.append(ValueText.of(d.after()));
            else sb.append(ValueText.of(d.before())).append(" -> ").append(ValueText.of(d.after()));
            if (d.forcesReplacement() && c.action() == Action.REPLACE) sb.append("  # forces replacement");
            sb.append('\n');
        }
    }

    public static String summary(Plan plan) {
        Map<Action, Integer> n = counts(plan);
        if (!plan.hasChanges()) return "No changes. " + n.get(Action.NOOP) + " resources up to date.";
        String s = String.format("Plan: %d to create, %d to update, %d to replace, %d to delete, %d unchanged",
                n.get(Action.CREATE), n.get(Action.UPDATE), n.get(Action.REPLACE), n.get(Action.DELETE), n.get(Action.NOOP));
        return s + (n.get(Action.RETAIN) > 0 ? ", " + n.get(Action.RETAIN) + " retained." : ".");
    }

    public static Map<Action, Integer> counts(Plan plan) {
        Map<Action, Integer> n = new EnumMap<>(Action.class);
        for (Action a : Action.values()) n.put(a, 0);
        plan.changes().forEach(c -> n.merge(c.action(), 1, Integer::sum));
        return n;
    }
}

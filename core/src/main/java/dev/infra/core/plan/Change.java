package dev.infra.core.plan;

import java.util.List;
import java.util.Map;

/**
 * The planned change of one resource.
 *
 * @param before       recorded inputs (empty for CREATE)
 * @param after        desired inputs, refs kept as {@link dev.infra.core.ref.Ref}; for DELETE the delete-time choices
 *                     that override what was recorded (e.g. {@code finalSnapshot}), usually none
 * @param diffs        per-property changes (empty for NOOP)
 * @param reason       why: for REPLACE the property that forces it; for DELETE "not in infra.yaml"; etc.
 * @param dependencies addresses this resource depends on (after for create/update, recorded for delete)
 * @param createFirst  for REPLACE: the new resource is created before the old one is deleted (the old one serves
 *                     until every reader has moved to the new one); otherwise the old one is deleted first
 */
public record Change(String address, String type, String component, Action action, Map<String, Object> before,
                     Map<String, Object> after, List<PropertyDiff> diffs, String reason, List<String> dependencies,
                     boolean createFirst) {
    public Change {
        before = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(before));
        after = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(after));
        diffs = List.copyOf(diffs);
        dependencies = List.copyOf(dependencies);
        if (createFirst && action != Action.REPLACE) throw new IllegalArgumentException("only a replacement can create first");
    }

    public Change(String address, String type, String component, Action action, Map<String, Object> before,
                  Map<String, Object> after, List<PropertyDiff> diffs, String reason, List<String> dependencies) {
        this(address, type, component, action, before, after, diffs, reason, dependencies, false);
    }

    /** The symbol the plan shows: {@code +/-} for a replacement that creates first, {@code -/+} for one that deletes first. */
    public String symbol() {
        return createFirst ? "+/-" : action.symbol();
    }

    public Change creatingFirst() {
        return new Change(address, type, component, action, before, after, diffs, reason, dependencies, true);
    }
}

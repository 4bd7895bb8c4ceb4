package dev.infra.core.plan;

import java.util.List;

/**
 * A plan: data that can be printed, saved to JSON and applied later. Applying refuses when the recorded state's
 * lineage or serial no longer match.
 *
 * @param changes every resource, NOOPs included, in dependency order
 */
public record Plan(int formatVersion, String app, String stage, String region, String lineage, long priorSerial,
                   List<Change> changes) {
    public static final int FORMAT_VERSION = 1;

    public Plan {
        changes = List.copyOf(changes);
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != Action.NOOP);
    }
}

package dev.infra.core.plan;

import java.util.Set;

/**
 * @param targets component names to limit the plan to (with what they depend on); empty = everything
 * @param destroy plan the removal of every recorded resource ({@code infra remove})
 * @param protect whether the stage is protected: stateful resources are then retained on destroy, not deleted
 * @param finalSnapshot on destroy, whether the databases it deletes take a final snapshot first (whatever was recorded)
 */
public record PlanOptions(Set<String> targets, boolean destroy, boolean protect, boolean finalSnapshot) {
    public static final PlanOptions ALL = new PlanOptions(Set.of(), false, false);

    public PlanOptions {
        targets = Set.copyOf(targets);
    }

    public PlanOptions(Set<String> targets, boolean destroy, boolean protect) {
        this(targets, destroy, protect, false);
    }
}

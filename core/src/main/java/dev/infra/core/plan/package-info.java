/**
 * Plans. {@code Planner.plan(desired, priorState, schemas)} returns a {@link dev.infra.core.plan.Plan}: one
 * {@link dev.infra.core.plan.Change} per resource (address, action, before, after, per-property diffs, reason).
 * A plan is data: rendered as text or JSON, saved, and applied later if the state has not moved on.
 */
package dev.infra.core.plan;

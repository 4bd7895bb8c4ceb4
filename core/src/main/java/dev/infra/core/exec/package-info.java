/**
 * Applying plans. Contract: {@link dev.infra.core.exec.Executor#apply} walks a plan's steps in dependency order with
 * bounded parallelism; before each mutating provider call it records the operation as pending (with its idempotency
 * token) and right after it records the result, so a rerun after a crash adopts what was created instead of creating
 * it twice. On a failed step the steps in flight finish and are recorded, nothing new starts, and the result names
 * what failed and what was left untouched. It always returns the resulting state.
 */
package dev.infra.core.exec;

/**
 * Recorded state. A {@link dev.infra.core.state.StateBackend} gives, per app and stage, a reader, a conditional
 * persister (a concurrent writer fails, never overwrites) and a locker with leases; it lists an app's stages (those
 * with a state) and deletes an emptied stage's state. Each state records its {@link dev.infra.core.state.LastChange}
 * (when, by whom, with which command), written by a {@link dev.infra.core.state.StateSession} opened with a stamp.
 * Between snapshots, writes may be appended as small journal records ({@link dev.infra.core.state.StateJournal}), and
 * a {@link dev.infra.core.state.GroupCommit} lets the executor's parallel steps share writes.
 * Every backend passes the same conformance suite (core test-jar: {@code StateBackendConformance}). State holds no
 * secret values.
 */
package dev.infra.core.state;

/**
 * Recorded state. A {@link dev.infra.core.state.StateBackend} gives, per app and stage, a reader, a conditional
 * persister (a concurrent writer fails, never overwrites) and a locker with leases. Every backend passes the same
 * conformance suite (core test-jar: {@code StateBackendConformance}). State holds no secret values.
 */
package dev.infra.core.state;

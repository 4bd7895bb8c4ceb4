/**
 * A service's log lines for {@code infra logs}: a {@link dev.infra.core.logs.LogReader} (CloudWatch Logs in the
 * providers module, found through {@link dev.infra.core.logs.LogReaderFactory}) returns every page of the lines since
 * a time, in time order; {@link dev.infra.core.logs.LogFollower} polls it, printing each line once although
 * CloudWatch makes lines visible late and out of order.
 */
package dev.infra.core.logs;

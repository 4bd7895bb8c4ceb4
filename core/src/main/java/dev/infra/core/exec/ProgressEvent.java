package dev.infra.core.exec;

import dev.infra.core.plan.Action;

import java.time.Duration;
import java.time.Instant;

/**
 * One thing that happened during an apply: a step started, finished or failed, or a long wait was announced.
 *
 * @param elapsed time since the step started (zero for STARTED)
 */
public record ProgressEvent(Instant at, Kind kind, String address, String type, Action action, String message, Duration elapsed) {
    public enum Kind { STARTED, WAITING, DONE, FAILED }
}

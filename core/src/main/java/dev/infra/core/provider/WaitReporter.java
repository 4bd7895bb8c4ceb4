package dev.infra.core.provider;

/**
 * How a provider says what it is waiting on during a long operation ("RDS cluster db to become available"); the
 * CLI shows it next to the step's elapsed time. Thread-safe; cheap to call on every poll.
 */
@FunctionalInterface
public interface WaitReporter {
    WaitReporter NONE = what -> { };

    void waiting(String what);
}

package dev.infra.core.exec;

import dev.infra.core.plan.Action;
import dev.infra.core.state.State;

import java.util.List;
import java.util.Map;

/**
 * What an apply did: the resulting state (always, also after a failure), the steps that failed and why, the
 * resources left untouched because the apply stopped, and counts of what was done by action.
 */
public record ApplyResult(State state, List<Failure> failures, List<String> untouched, Map<Action, Integer> done) {
    /**
     * A failed step: its one-line message for the summary, and the error itself (its whole message and causes) for
     * {@code --verbose}; {@code cause} is null when there is none to show.
     */
    public record Failure(String address, Action action, String message, Throwable cause) {
        public Failure(String address, Action action, String message) {
            this(address, action, message, null);
        }
    }

    public ApplyResult {
        failures = List.copyOf(failures);
        untouched = List.copyOf(untouched);
        done = Map.copyOf(done);
    }

    public boolean success() {
        return failures.isEmpty();
    }
}

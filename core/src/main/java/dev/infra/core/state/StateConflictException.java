package dev.infra.core.state;

/** A conditional write lost: someone else wrote the state in between. */
public class StateConflictException extends StateException {
    public StateConflictException(String message) {
        super(message);
    }
}

package dev.infra.core.provider;

/** Thrown by a provider's create when AWS says the name is taken; the executor then tries {@code findExisting}. */
public class AlreadyExistsException extends RuntimeException {
    public AlreadyExistsException(String message) {
        super(message);
    }
}

package dev.infra.core.state;

/** Writes state atomically and conditionally. */
public interface StatePersister {
    /**
     * Writes {@code state} only if the stored version is still {@code expectedVersion} (null: only if none exists).
     * Returns the new version. A reader never sees a half-written document.
     *
     * @throws StateConflictException when someone else wrote in between
     */
    String write(State state, String expectedVersion);
}

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

    /**
     * Stores {@code state}, which follows {@code base} (the state stored at {@code expectedVersion}), as cheaply as the
     * backend can: a backend with a journal appends what changed; by default, the whole state is written. Same
     * conditions and guarantees as {@link #write}.
     */
    default String append(State base, State state, String expectedVersion) {
        return write(state, expectedVersion);
    }
}

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

    /**
     * Prepares the next {@link #write} ahead of time, when the caller knows it will store no more by {@link #append}
     * before it: a backend with a journal closes it, so the write that folds it in takes one request less. Returns the
     * version to give that write; by default, there is nothing to prepare and it is {@code expectedVersion}.
     *
     * @throws StateConflictException when someone else wrote in between
     */
    default String seal(String expectedVersion) {
        return expectedVersion;
    }
}

package dev.infra.core.state;

import java.util.List;

/**
 * Where states live ({@code file://dir}, {@code s3://bucket/prefix}, {@code mem://}). One backend serves many
 * app/stage pairs; each pair has its own reader, persister and locker.
 */
public interface StateBackend {
    StateReader reader(String app, String stage);

    StatePersister persister(String app, String stage);

    StateLocker locker(String app, String stage);

    /** The stages of {@code app} that have a recorded state, sorted by name (read from the store, not from AWS). */
    List<String> stages(String app);

    /**
     * Deletes the stage's state once nothing of it is left, only if its version is still {@code expectedVersion}.
     *
     * @throws StateConflictException when someone else wrote in between
     */
    void delete(String app, String stage, String expectedVersion);

    /** A human description, e.g. {@code s3://bucket/prefix}. */
    String describe();
}

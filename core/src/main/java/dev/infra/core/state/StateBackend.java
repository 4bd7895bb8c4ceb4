package dev.infra.core.state;

/**
 * Where states live ({@code file://dir}, {@code s3://bucket/prefix}, {@code mem://}). One backend serves many
 * app/stage pairs; each pair has its own reader, persister and locker.
 */
public interface StateBackend {
    StateReader reader(String app, String stage);

    StatePersister persister(String app, String stage);

    StateLocker locker(String app, String stage);

    /** A human description, e.g. {@code s3://bucket/prefix}. */
    String describe();
}

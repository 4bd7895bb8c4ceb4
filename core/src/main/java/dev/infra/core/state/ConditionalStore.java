package dev.infra.core.state;

import java.util.List;
import java.util.Optional;

/**
 * The one primitive every state backend provides: small text objects with versions and compare-and-set writes.
 * {@link ObjectStateBackend} builds state, conditional persistence and leased locks on top of it, so the file,
 * in-memory and S3 backends differ only here.
 */
public interface ConditionalStore {
    record Versioned(String content, String version) { }

    Optional<Versioned> get(String key);

    /**
     * Writes only if the current version is {@code expectedVersion} ({@code null}: only if the object is absent).
     *
     * @return the new version
     * @throws PreconditionFailedException when the condition does not hold
     */
    String put(String key, String content, String expectedVersion);

    /** Deletes only if the version matches ({@code null}: unconditionally). Absent is not an error. */
    void delete(String key, String expectedVersion);

    /** The current version of {@code key}, without its content where the store can (S3: HEAD). */
    default Optional<String> version(String key) {
        return get(key).map(Versioned::version);
    }

    /** Deletes every key unconditionally; a store that can does it in few requests (S3: DeleteObjects). */
    default void deleteAll(List<String> keys) {
        for (String k : keys) delete(k, null);
    }

    /** The keys that start with {@code prefix}, sorted; every page of a paged listing. */
    List<String> keys(String prefix);

    String describe();

    /** The compare part of a compare-and-set failed. */
    class PreconditionFailedException extends RuntimeException {
        public PreconditionFailedException(String key) {
            super("precondition failed for " + key);
        }
    }
}

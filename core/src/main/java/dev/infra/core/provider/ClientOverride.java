package dev.infra.core.provider;

import java.util.Optional;

/**
 * Registered through {@link java.util.ServiceLoader}: supplies ready-made AWS SDK clients (and the {@link WallClock})
 * in place of the ones the providers would build for a config, e.g. the in-memory fake AWS for an endpoint
 * {@code fakeaws://NAME}. Core never sees SDK types, so the contract is by class.
 */
public interface ClientOverride {
    /** An object of {@code type} to use for this config, or empty to build the real one. */
    <T> Optional<T> find(Class<T> type, ProviderConfig config);
}

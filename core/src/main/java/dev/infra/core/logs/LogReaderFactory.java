package dev.infra.core.logs;

import dev.infra.core.provider.ProviderConfig;

/** Registered through ServiceLoader ({@code META-INF/services/dev.infra.core.logs.LogReaderFactory}). */
public interface LogReaderFactory {
    /** Whether this factory serves the given connection. */
    boolean handles(ProviderConfig config);

    LogReader open(ProviderConfig config);
}

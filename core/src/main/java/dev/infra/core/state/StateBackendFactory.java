package dev.infra.core.state;

import dev.infra.core.provider.ProviderConfig;

/** ServiceLoader SPI for backends outside core (s3://, and the default bucket for an empty URL). */
public interface StateBackendFactory {
    boolean supports(String url);

    StateBackend open(String url, ProviderConfig config);
}

package dev.infra.core.provider;

import java.util.Collection;

/**
 * Registered through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.infra.core.provider.ProviderPlugin});
 * contributes providers for some resource types. Must be cheap: build AWS clients on first use, not here.
 */
public interface ProviderPlugin {
    Collection<ResourceProvider> providers(ProviderConfig config);

    /**
     * The schemas of the types this plugin serves, each declared next to its provider. Read without any
     * configuration and without building a client: planning offline needs them.
     */
    default Collection<dev.infra.core.component.ResourceSchema> schemas() {
        return java.util.List.of();
    }
}

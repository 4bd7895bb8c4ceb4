package dev.infra.core.secrets;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.StageContext;

/**
 * Registered through ServiceLoader ({@code META-INF/services/dev.infra.core.secrets.SecretsStoreFactory}); the
 * SSM Parameter Store one lives in the providers module, an in-memory one in test-fixtures. The first factory
 * that {@link #handles} the connection is used.
 */
public interface SecretsStoreFactory {
    /**
     * @param pathTemplate e.g. {@code /{app}/{stage}/{name}}
     * @param kmsKey       KMS key id or alias, empty for the AWS managed key
     */
    SecretsStore open(StageContext stage, String pathTemplate, String kmsKey, ProviderConfig config);

    /** Whether this factory serves the given connection (a fake one serves only fake endpoints). */
    default boolean handles(ProviderConfig config) {
        return true;
    }
}

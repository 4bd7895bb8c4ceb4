package dev.infra.providers.ssm;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.StageContext;
import dev.infra.core.secrets.SecretsStore;
import dev.infra.core.secrets.SecretsStoreFactory;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsClients;

/** SSM Parameter Store secrets for every endpoint but the engine's test one ({@code fakecloud://}), which has its own. */
public final class SsmSecretsStoreFactory implements SecretsStoreFactory {
    @Override
    public boolean handles(ProviderConfig config) {
        return config.endpoint() == null || !config.endpoint().startsWith("fakecloud://");
    }

    @Override
    public SecretsStore open(StageContext stage, String pathTemplate, String kmsKey, ProviderConfig config) {
        return new SsmSecretsStore(new Aws(new AwsClients(config)), SecretPaths.of(pathTemplate, stage), kmsKey, stage);
    }
}

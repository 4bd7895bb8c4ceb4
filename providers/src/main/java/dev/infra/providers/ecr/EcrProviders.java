package dev.infra.providers.ecr;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The ECR resource types. */
public final class EcrProviders {
    private EcrProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new RepositoryProvider(aws));
    }
}

package dev.infra.providers.iam;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The IAM resource types. */
public final class IamProviders {
    private IamProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new RoleProvider(aws));
    }
}

package dev.infra.providers.ecs;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The ECS resource types. */
public final class EcsProviders {
    private EcsProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new ClusterProvider(aws), new TaskDefinitionProvider(aws), new ServiceProvider(aws));
    }
}

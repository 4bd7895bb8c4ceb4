package dev.infra.providers.docker;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The images built from source. */
public final class DockerProviders {
    private DockerProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new ImageProvider(aws));
    }
}

package dev.infra.providers.docker;

import dev.infra.core.component.ImageTag;
import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The images built from source. */
public final class DockerProviders {
    public static final ResourceSchema IMAGE = ResourceSchema.of("docker.Image")
            .takesInputs("context:string", "dockerfile:string", "contentDigest:string", "repositoryUrl:string", "platform:string").outputs("imageUri", "digest").changedByUpdate(ImageTag::predict, "imageUri", "digest").takes(90);

    private DockerProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(IMAGE);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new ImageProvider(aws));
    }
}

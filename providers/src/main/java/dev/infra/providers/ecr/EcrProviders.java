package dev.infra.providers.ecr;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The ECR resource types. */
public final class EcrProviders {
    public static final ResourceSchema REPOSITORY = ResourceSchema.of("aws.ecr.Repository")
            .takesInputs("repositoryName:string", "imageTagMutability:string", "scanOnPush:boolean", "encryptionType:string").forceNew("repositoryName", "encryptionType").outputs("arn", "repositoryUrl").holdsData().named("repositoryName");

    private EcrProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(REPOSITORY);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new RepositoryProvider(aws));
    }
}

package dev.infra.providers.iam;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The IAM resource types. */
public final class IamProviders {
    public static final ResourceSchema ROLE = ResourceSchema.of("aws.iam.Role")
            .takesInputs("name:string", "assumeRoleService:string", "managedPolicyArns:list?", "inlinePolicy:object?",
            "createInstanceProfile:boolean?").forceNew("name").outputs("arn", "name", "instanceProfileArn").named("name");

    private IamProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(ROLE);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new RoleProvider(aws));
    }
}

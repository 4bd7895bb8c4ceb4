package dev.infra.providers.wafv2;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The WAFv2 resource types. */
public final class WafProviders {
    public static final ResourceSchema WEB_ACL = ResourceSchema.of("aws.wafv2.WebAcl")
            .takesInputs("name:string", "scope:string", "defaultAction:string", "rules:list", "visibilityConfig:object").forceNew("name", "scope").outputs("id", "arn", "lockToken")
            .changedByUpdate(ResourceSchema.Predictor.NONE, "lockToken").named("name").takes(10);
    public static final ResourceSchema ASSOCIATION = ResourceSchema.of("aws.wafv2.Association")
            .takesInputs("webAclArn:string", "resourceArn:string").forceNew("webAclArn", "resourceArn").outputs("id");

    private WafProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(WEB_ACL, ASSOCIATION);
    }

    public static List<ResourceProvider> all(Aws aws) {
        WafCalls calls = new WafCalls(aws);
        return List.of(new WebAclProvider(aws, calls), new AssociationProvider(aws, calls));
    }
}

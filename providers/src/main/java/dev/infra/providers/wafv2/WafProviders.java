package dev.infra.providers.wafv2;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The WAFv2 resource types. */
public final class WafProviders {
    private WafProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        WafCalls calls = new WafCalls(aws);
        return List.of(new WebAclProvider(aws, calls), new AssociationProvider(aws, calls));
    }
}

package dev.infra.providers.elbv2;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The Elastic Load Balancing v2 resource types. */
public final class ElbProviders {
    private ElbProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new LoadBalancerProvider(aws), new TargetGroupProvider(aws), new ListenerProvider(aws), new ListenerRuleProvider(aws));
    }
}

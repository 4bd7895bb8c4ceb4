package dev.infra.providers.appautoscaling;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The Application Auto Scaling resource types. */
public final class AutoScalingProviders {
    private AutoScalingProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new ScalingTargetProvider(aws), new ScalingPolicyProvider(aws));
    }
}

package dev.infra.providers.appautoscaling;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

import static dev.infra.core.component.ReplaceOrder.CREATE_FIRST;

/** The Application Auto Scaling resource types. */
public final class AutoScalingProviders {
    public static final ResourceSchema TARGET = ResourceSchema.of("aws.appautoscaling.Target")
            .takesInputs("serviceNamespace:string", "resourceId:string", "scalableDimension:string", "minCapacity:number",
            "maxCapacity:number").forceNew("serviceNamespace", "resourceId", "scalableDimension").outputs("id")
            .replacing(CREATE_FIRST);
    public static final ResourceSchema POLICY = ResourceSchema.of("aws.appautoscaling.Policy")
            .takesInputs("policyName:string", "serviceNamespace:string", "resourceId:string", "scalableDimension:string",
            "policyType:string", "targetValue:number", "predefinedMetricType:string", "scaleInCooldown:number", "scaleOutCooldown:number").forceNew("policyName", "serviceNamespace", "resourceId", "scalableDimension")
            .outputs("arn").replacing(CREATE_FIRST).named("policyName");

    private AutoScalingProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(TARGET, POLICY);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new ScalingTargetProvider(aws), new ScalingPolicyProvider(aws));
    }
}

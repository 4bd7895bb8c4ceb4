package dev.infra.providers.appautoscaling;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** aws.appautoscaling.Policy: a target-tracking policy; PutScalingPolicy is an upsert by name. Policies cannot be tagged. */
final class ScalingPolicyProvider extends UpsertProvider {
    ScalingPolicyProvider(Aws aws) {
        super(aws);
    }

    @Override
    public String type() {
        return AutoScalingProviders.POLICY.type();
    }

    /** A scalable target registered moments ago, not yet found by PutScalingPolicy (TPA does not retry; 2 min is ours). */
    private static final Transient NEW_TARGET = Transient.propagation("Application Auto Scaling has not registered %s yet", Duration.ofMinutes(2),
            "ObjectNotFoundException", "No scalable target registered");

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String arn = aws.settle(Props.str(in, "resourceId"), r.waits(), () -> scaling().putScalingPolicy(b -> b.policyName(Props.str(in, "policyName"))
                .serviceNamespace(Props.str(in, "serviceNamespace")).resourceId(Props.str(in, "resourceId"))
                .scalableDimension(Props.str(in, "scalableDimension")).policyType(Props.str(in, "policyType"))
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(Props.number(in, "targetValue"))
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(Props.str(in, "predefinedMetricType")))
                        .scaleInCooldown(Props.integer(in, "scaleInCooldown")).scaleOutCooldown(Props.integer(in, "scaleOutCooldown")))), NEW_TARGET).policyARN();
        return new Applied(arn, Map.of("arn", arn));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        Namespaces.group(handles).forEach((ns, hs) -> {
            List<String> names = hs.stream().map(h -> Props.str(h.inputs(), "policyName")).toList();
            Map<String, ScalingPolicy> live = new HashMap<>();
            Pages.all(aws.retry(), t -> scaling().describeScalingPolicies(b -> b.serviceNamespace(ns).policyNames(names).nextToken(t)),
                    DescribeScalingPoliciesResponse::nextToken, DescribeScalingPoliciesResponse::scalingPolicies)
                    .forEach(p -> live.put(p.policyARN(), p));
            for (ResourceHandle h : hs) {
                ScalingPolicy p = live.get(h.physicalId());
                if (p != null) out.put(h.address(), new Observed(p.policyARN(), live(p), Map.of("arn", p.policyARN())));
            }
        });
        return out;
    }

    /** What a read shows of a policy: every input the update sends, so drift in any of them is reported. */
    private static Map<String, Object> live(ScalingPolicy p) {
        Map<String, Object> in = new HashMap<>(Map.of("policyName", p.policyName(), "policyType", p.policyTypeAsString(),
                "serviceNamespace", p.serviceNamespaceAsString(), "resourceId", p.resourceId(), "scalableDimension", p.scalableDimensionAsString()));
        var c = p.targetTrackingScalingPolicyConfiguration();
        if (c == null) return in;
        in.put("targetValue", c.targetValue());
        if (c.predefinedMetricSpecification() != null) in.put("predefinedMetricType", c.predefinedMetricSpecification().predefinedMetricTypeAsString());
        if (c.scaleInCooldown() != null) in.put("scaleInCooldown", c.scaleInCooldown());
        if (c.scaleOutCooldown() != null) in.put("scaleOutCooldown", c.scaleOutCooldown());
        return in;
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.ignoringNotFound(() -> scaling().deleteScalingPolicy(b -> b.policyName(Props.str(h.inputs(), "policyName"))
                .serviceNamespace(Props.str(h.inputs(), "serviceNamespace")).resourceId(Props.str(h.inputs(), "resourceId"))
                .scalableDimension(Props.str(h.inputs(), "scalableDimension"))));
    }
}

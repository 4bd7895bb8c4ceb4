package dev.infra.providers.appautoscaling;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * aws.appautoscaling.Target: RegisterScalableTarget is an upsert, so create, adoption and update are the same call;
 * the id is the resource id. Reads are one DescribeScalableTargets per namespace with the resource ids.
 */
final class ScalingTargetProvider extends UpsertProvider {
    ScalingTargetProvider(Aws aws) {
        super(aws);
    }

    @Override
    public String type() {
        return AutoScalingProviders.TARGET.type();
    }

    /** An ECS service created moments ago, which Application Auto Scaling does not see yet (TPA: 2 min). */
    private static final Transient NEW_SERVICE = Transient.propagation("Application Auto Scaling cannot see %s yet", Duration.ofMinutes(2),
            "ValidationException", "service doesn't exist");

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        aws.settleRun(Props.str(in, "resourceId"), r.waits(), () -> scaling().registerScalableTarget(b -> b.serviceNamespace(Props.str(in, "serviceNamespace"))
                .resourceId(Props.str(in, "resourceId")).scalableDimension(Props.str(in, "scalableDimension"))
                .minCapacity(Props.integer(in, "minCapacity")).maxCapacity(Props.integer(in, "maxCapacity")).tags(r.tags())), NEW_SERVICE);
        return new Applied(Props.str(in, "resourceId"), Map.of("id", Props.str(in, "resourceId")));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        Namespaces.group(handles).forEach((ns, hs) -> {
            List<String> ids = hs.stream().map(ResourceHandle::physicalId).toList();
            Map<String, ScalableTarget> live = new HashMap<>();
            Pages.all(aws.retry(), t -> scaling().describeScalableTargets(b -> b.serviceNamespace(ns).resourceIds(ids).nextToken(t)),
                    DescribeScalableTargetsResponse::nextToken, DescribeScalableTargetsResponse::scalableTargets)
                    .forEach(x -> live.put(x.resourceId(), x));
            for (ResourceHandle h : hs) {
                ScalableTarget x = live.get(h.physicalId());
                if (x != null) out.put(h.address(), new Observed(h.physicalId(), Map.of("resourceId", x.resourceId(),
                        "minCapacity", x.minCapacity(), "maxCapacity", x.maxCapacity()), h.outputs()));
            }
        });
        return out;
    }

    /**
     * ECS targets whose resource id carries the stage's cluster name prefix ({@code service/APP-STAGE-...}), with the
     * tags read of each: other stages' targets are not read (one ListTagsForResource each, outside the stage's policy).
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Found> out = new java.util.ArrayList<>();
        for (ScalableTarget x : Pages.all(aws.retry(), t -> scaling().describeScalableTargets(b -> b.serviceNamespace("ecs").nextToken(t)),
                DescribeScalableTargetsResponse::nextToken, DescribeScalableTargetsResponse::scalableTargets)) {
            if (!x.resourceId().startsWith("service/" + StageNames.prefix(stage)) || x.scalableTargetARN() == null) continue;
            Map<String, String> tags = aws.call(() -> scaling().listTagsForResource(b -> b.resourceARN(x.scalableTargetARN()))).tags();
            out.add(new Found(type(), x.resourceId(), tags, Map.of("serviceNamespace", x.serviceNamespaceAsString(),
                    "scalableDimension", x.scalableDimensionAsString()), Map.of("id", x.resourceId()), java.util.Set.of()));
        }
        return out;
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.ignoringNotFound(() -> scaling().deregisterScalableTarget(b -> b.serviceNamespace(Props.str(h.inputs(), "serviceNamespace"))
                .resourceId(h.physicalId()).scalableDimension(Props.str(h.inputs(), "scalableDimension"))));
    }
}

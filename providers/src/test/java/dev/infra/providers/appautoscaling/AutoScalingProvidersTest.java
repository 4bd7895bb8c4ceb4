package dev.infra.providers.appautoscaling;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoScalingProvidersTest {
    private final ProviderFixture f = new ProviderFixture();
    private static final String RESOURCE = "service/shop-dev-cluster/shop-dev-web";

    private Map<String, Object> target(int min, int max) {
        return Map.of("serviceNamespace", "ecs", "resourceId", RESOURCE, "scalableDimension", "ecs:service:DesiredCount",
                "minCapacity", min, "maxCapacity", max);
    }

    private Map<String, Object> policy(double cpu) {
        return Map.of("policyName", "shop-dev-web-cpu", "serviceNamespace", "ecs", "resourceId", RESOURCE,
                "scalableDimension", "ecs:service:DesiredCount", "policyType", "TargetTrackingScaling", "targetValue", cpu,
                "predefinedMetricType", "ECSServiceAverageCPUUtilization", "scaleInCooldown", 300, "scaleOutCooldown", 60);
    }

    /** A sweep of stage dev reads the tags of dev's targets only, not those of another stage of the app (prod). */
    @Test
    void aSweepReadsTheTagsOfItsOwnStagesTargetsOnly() {
        f.create("web/scalingTarget", "aws.appautoscaling.Target", target(1, 4));
        f.client(software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient.class).registerScalableTarget(b -> b
                .serviceNamespace("ecs").resourceId("service/shop-prod-cluster/shop-prod-web").scalableDimension("ecs:service:DesiredCount")
                .minCapacity(1).maxCapacity(2).tags(Map.of("infra:app", "shop", "infra:stage", "prod", "infra:resource", "web/scalingTarget")));
        f.fake.calls().clear();
        assertThat(f.provider("aws.appautoscaling.Target").findTagged(f.stage)).extracting(x -> x.physicalId()).containsExactly(RESOURCE);
        assertThat(f.fake.calls().all()).containsExactly("application-autoscaling:DescribeScalableTargets",
                "application-autoscaling:ListTagsForResource");
    }

    @Test
    void targetAndPolicyAreCreatedReadInOneCallEachUpdatedInPlaceAndDeleted() {
        assertThatThrownBy(() -> f.create("web/scalingPolicy", "aws.appautoscaling.Policy", policy(70)))
                .hasMessageContaining("ObjectNotFoundException");
        ResourceHandle t = f.create("web/scalingTarget", "aws.appautoscaling.Target", target(1, 4));
        ResourceHandle p = f.create("web/scalingPolicy", "aws.appautoscaling.Policy", policy(70));
        f.fake.calls().clear();
        assertThat(f.provider("aws.appautoscaling.Target").read(List.of(t)).get("web/scalingTarget").inputs()).containsEntry("maxCapacity", 4);
        assertThat(f.provider("aws.appautoscaling.Policy").read(List.of(p)).get("web/scalingPolicy").inputs()).containsEntry("targetValue", 70.0);
        assertThat(f.fake.calls().all()).containsExactly("application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies");
        ResourceHandle t2 = f.updated(t, target(2, 10));
        assertThat(f.provider("aws.appautoscaling.Target").read(List.of(t2)).get("web/scalingTarget").inputs())
                .containsEntry("minCapacity", 2).containsEntry("maxCapacity", 10);
        Map<String, Object> changed = new HashMap<>(policy(50));
        ResourceHandle p2 = f.updated(p, changed);
        assertThat(p2.physicalId()).isEqualTo(p.physicalId());
        f.provider("aws.appautoscaling.Policy").delete(p2);
        f.provider("aws.appautoscaling.Target").delete(t2);
        f.provider("aws.appautoscaling.Target").delete(t2);
        assertThat(f.provider("aws.appautoscaling.Target").read(List.of(t2))).isEmpty();
        assertThat(f.fake.tagged(Map.of("infra:stage", "dev"))).isEmpty();
    }
}

package dev.infra.providers.ecs;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** aws.ecs.Cluster: CreateCluster is idempotent by name in ECS; reads are one DescribeClusters per 100 clusters. */
final class ClusterProvider implements ResourceProvider {
    private static final int BATCH = 100;
    private final Aws aws;

    ClusterProvider(Aws aws) {
        this.aws = aws;
    }

    private EcsClient ecs() {
        return aws.client(EcsClient.class, EcsClient::builder);
    }

    @Override
    public String type() {
        return EcsProviders.CLUSTER.type();
    }

    private static ClusterSetting insights(ResourceRequest r) {
        return ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value(Props.str(r.inputs(), "containerInsights", "disabled")).build();
    }

    @Override
    public Applied create(ResourceRequest r) {
        LinkedRole.ensure(aws);
        Cluster c = aws.settle("cluster " + Props.str(r.inputs(), "name"), r.waits(), () -> ecs().createCluster(b -> b.clusterName(Props.str(r.inputs(), "name"))
                .settings(insights(r)).tags(EcsTags.of(r.tags()))), LinkedRole.NOT_YET).cluster();
        return new Applied(c.clusterArn(), outputs(c));
    }

    private static Map<String, Object> outputs(Cluster c) {
        return Map.of("arn", c.clusterArn(), "name", c.clusterName());
    }

    List<Cluster> describe(List<String> names) {
        List<Cluster> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += BATCH) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + BATCH));
            out.addAll(aws.call(() -> ecs().describeClusters(b -> b.clusters(batch).include(ClusterField.TAGS, ClusterField.SETTINGS))).clusters());
        }
        return out.stream().filter(c -> !"INACTIVE".equals(c.status())).toList();
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return describe(List.of(Props.str(r.inputs(), "name"))).stream().filter(c -> Owned.byRequest(EcsTags.map(c.tags()), r))
                .findFirst().map(c -> new Applied(c.clusterArn(), outputs(c)));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byArn = new HashMap<>();
        handles.forEach(h -> byArn.put(h.physicalId(), h));
        Map<String, Observed> out = new HashMap<>();
        for (Cluster c : describe(new ArrayList<>(byArn.keySet()))) {
            ResourceHandle h = byArn.get(c.clusterArn());
            if (h == null) continue;
            String insights = c.settings().stream().filter(s -> s.name() == ClusterSettingName.CONTAINER_INSIGHTS)
                    .map(ClusterSetting::value).findFirst().orElse("disabled");
            out.put(h.address(), new Observed(c.clusterArn(), Map.of("name", c.clusterName(), "containerInsights", insights), outputs(c)));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        aws.run(() -> ecs().updateClusterSettings(b -> b.cluster(current.physicalId()).settings(insights(r))));
        return new Applied(current.physicalId(), current.outputs());
    }

    /** ARNs of the region's clusters whose name starts with {@code APP-STAGE-} (a narrowing, not a proof). */
    static List<String> stageClusters(Aws aws, software.amazon.awssdk.services.ecs.EcsClient ecs, StageContext stage) {
        String prefix = StageNames.prefix(stage);
        return Pages.all(aws.retry(), t -> ecs.listClusters(b -> b.nextToken(t)), ListClustersResponse::nextToken, ListClustersResponse::clusterArns)
                .stream().filter(a -> a.substring(a.lastIndexOf('/') + 1).startsWith(prefix)).distinct().toList();
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.deleteWhenUnused("cluster " + h.physicalId(), Duration.ofMinutes(10), waits, () -> ecs().deleteCluster(b -> b.cluster(h.physicalId())));
    }

    /**
     * Clusters named with the stage's prefix ({@code APP-STAGE-}, as infra names them; ECS has no tag filter on
     * ListClusters): only those are described, their tags then judged. The services' sweep looks only in them too.
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        List<String> arns = stageClusters(aws, ecs(), stage);
        if (arns.isEmpty()) return List.of();
        return describe(arns).stream().map(c -> new Found(type(), c.clusterArn(), EcsTags.map(c.tags()), outputs(c))).toList();
    }
}

package dev.infra.providers.rds;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.status.DatabaseStatus;
import dev.infra.core.status.LiveStatus;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code infra status} of Aurora clusters: one DescribeDBClusters and one DescribeDBInstances for all of them (by id
 * filters): the cluster's status, its writer and readers and theirs. Whether a Serverless v2 instance is paused RDS
 * reports only through CloudWatch ({@link ServerlessCapacity}): a cluster whose minimum capacity is above zero
 * cannot pause (false, no CloudWatch call); for those that may, one GetMetricData for all their writers tells; a
 * writer without a recent datapoint stays unknown (null).
 */
final class ClusterStatuses {
    private final Rds rds;

    ClusterStatuses(Rds rds) {
        this.rds = rds;
    }

    Map<String, LiveStatus> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byId = new HashMap<>();
        handles.forEach(h -> byId.put(h.physicalId(), h));
        List<DBCluster> clusters = rds.byIds("db-cluster-id", new ArrayList<>(byId.keySet()),
                (f, m) -> rds.client().describeDBClusters(b -> b.filters(f).marker(m)), DescribeDbClustersResponse::marker,
                DescribeDbClustersResponse::dbClusters);
        List<String> members = clusters.stream().flatMap(c -> c.dbClusterMembers().stream()).map(DBClusterMember::dbInstanceIdentifier).toList();
        Map<String, String> instanceStatus = new HashMap<>();
        rds.byIds("db-instance-id", members, (f, m) -> rds.client().describeDBInstances(b -> b.filters(f).marker(m)),
                DescribeDbInstancesResponse::marker, DescribeDbInstancesResponse::dbInstances)
                .forEach(i -> instanceStatus.put(i.dbInstanceIdentifier(), i.dbInstanceStatus()));
        Map<String, Boolean> paused = new ServerlessCapacity(rds.aws()).paused(clusters.stream().filter(ClusterStatuses::mayPause)
                .map(ClusterStatuses::writer).filter(w -> !w.isEmpty()).toList());
        Map<String, LiveStatus> out = new HashMap<>();
        for (ResourceHandle h : handles) out.put(h.address(), new DatabaseStatus(h.address(), h.physicalId(), "missing", "", List.of(), null,
                List.of("the cluster is not in RDS (deleted outside infra?); run 'infra refresh'")));
        for (DBCluster c : clusters) {
            ResourceHandle h = byId.get(c.dbClusterIdentifier());
            if (h != null) out.put(h.address(), status(h, c, instanceStatus, paused));
        }
        return out;
    }

    private static DatabaseStatus status(ResourceHandle h, DBCluster c, Map<String, String> instanceStatus, Map<String, Boolean> pausedWriters) {
        List<String> problems = new ArrayList<>();
        if (!"available".equals(c.status())) problems.add("cluster is " + c.status());
        String writer = "";
        List<String> readers = new ArrayList<>();
        for (DBClusterMember m : c.dbClusterMembers()) {
            String id = m.dbInstanceIdentifier();
            String st = instanceStatus.getOrDefault(id, "missing");
            if (Boolean.TRUE.equals(m.isClusterWriter())) writer = id;
            else readers.add(id);
            if (!"available".equals(st)) problems.add("instance " + id + " is " + st);
        }
        if (writer.isEmpty()) problems.add("the cluster has no writer instance");
        Boolean paused = mayPause(c) ? pausedWriters.get(writer) : Boolean.FALSE;
        return new DatabaseStatus(h.address(), c.dbClusterIdentifier(), c.status(), writer, readers, paused, problems);
    }

    /** Only a Serverless v2 cluster whose minimum capacity is zero can pause. */
    private static boolean mayPause(DBCluster c) {
        var scaling = c.serverlessV2ScalingConfiguration();
        return scaling != null && scaling.minCapacity() != null && scaling.minCapacity() == 0;
    }

    private static String writer(DBCluster c) {
        return c.dbClusterMembers().stream().filter(m -> Boolean.TRUE.equals(m.isClusterWriter()))
                .map(DBClusterMember::dbInstanceIdentifier).findFirst().orElse("");
    }
}

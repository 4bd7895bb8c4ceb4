package dev.infra.providers.rds;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfiguration;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * aws.rds.Cluster: an encrypted Aurora Serverless v2 cluster whose master password RDS manages in Secrets Manager.
 * Creation and every change are awaited until the cluster is available. Scaling, deletion protection, backup
 * retention and security groups change in place (ApplyImmediately); a new engine version is an in-place upgrade,
 * allowed across majors when the major changes. Delete takes a final snapshot when {@code finalSnapshot} is set.
 * A read is one DescribeDBClusters filtered by up to 100 ids; tags come with it.
 */
final class ClusterProvider implements ResourceProvider {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private final Rds rds;

    ClusterProvider(Rds rds) {
        this.rds = rds;
    }

    @Override
    public String type() {
        return RdsProviders.CLUSTER.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String id = Props.str(in, "dbClusterIdentifier");
        try {
            rds.createAfterDeleting("database cluster " + id, r.waits(), () -> rds.client().createDBCluster(b -> b.dbClusterIdentifier(id).engine(Props.str(in, "engine"))
                    .engineVersion(Props.str(in, "engineVersion")).databaseName(Props.str(in, "databaseName"))
                    .masterUsername(Props.str(in, "masterUsername")).manageMasterUserPassword(true).storageEncrypted(true)
                    .dbSubnetGroupName(Props.str(in, "dbSubnetGroupName")).vpcSecurityGroupIds(Props.strings(in, "vpcSecurityGroupIds"))
                    .port(Props.integer(in, "port")).serverlessV2ScalingConfiguration(scaling(in))
                    .deletionProtection(Props.bool(in, "deletionProtection")).backupRetentionPeriod(Props.integer(in, "backupRetentionPeriod"))
                    .copyTagsToSnapshot(Props.bool(in, "copyTagsToSnapshot")).tags(Rds.tags(r.tags()))), () -> status(id));
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
        return applied(awaitAvailable(id, r.waits()));
    }

    private static ServerlessV2ScalingConfiguration scaling(Map<String, Object> in) {
        Map<String, Object> s = Props.map(in, "serverlessV2ScalingConfiguration");
        return ServerlessV2ScalingConfiguration.builder().minCapacity(Props.number(s, "minCapacity")).maxCapacity(Props.number(s, "maxCapacity"))
                .secondsUntilAutoPause(Props.integer(s, "secondsUntilAutoPause")).build();
    }

    private DBCluster awaitAvailable(String id, WaitReporter waits) {
        rds.awaitAvailable("database cluster " + id, waits, () -> one(id).map(DBCluster::status).orElse(null));
        return one(id).orElseThrow();
    }

    private String status(String id) {
        return one(id).map(DBCluster::status).orElse(null);
    }

    private Optional<DBCluster> one(String id) {
        return describe(List.of(id)).stream().findFirst();
    }

    private List<DBCluster> describe(List<String> ids) {
        return rds.byIds("db-cluster-id", ids, (f, m) -> rds.client().describeDBClusters(b -> b.filters(f).marker(m)),
                DescribeDbClustersResponse::marker, DescribeDbClustersResponse::dbClusters);
    }

    private static Applied applied(DBCluster c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.dbClusterIdentifier());
        out.put("arn", c.dbClusterArn());
        out.put("endpoint", c.endpoint());
        out.put("readerEndpoint", c.readerEndpoint());
        out.put("port", c.port());
        if (c.masterUserSecret() != null) out.put("masterUserSecretArn", c.masterUserSecret().secretArn());
        return new Applied(c.dbClusterIdentifier(), out);
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return one(Props.str(r.inputs(), "dbClusterIdentifier")).filter(c -> Owned.byRequest(Rds.tags(c.tagList()), r))
                .map(c -> applied(awaitAvailable(c.dbClusterIdentifier(), r.waits())));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byId = new HashMap<>();
        handles.forEach(h -> byId.put(h.physicalId(), h));
        Map<String, Observed> out = new HashMap<>();
        for (DBCluster c : describe(new ArrayList<>(byId.keySet()))) {
            ResourceHandle h = byId.get(c.dbClusterIdentifier());
            if (h != null) out.put(h.address(), new Observed(c.dbClusterIdentifier(), ClusterInputs.live(c, h.inputs()), applied(c).outputs()));
        }
        return out;
    }

    /** Status, writer, readers and whether it may be paused ({@link ClusterStatuses}). */
    @Override
    public Map<String, dev.infra.core.status.LiveStatus> status(List<ResourceHandle> handles) {
        return new ClusterStatuses(rds).read(handles);
    }

    /** Another change of the cluster is still being applied (pending modified values, configuring): TPA retries 5 min. */
    private static final Transient SETTLING = Transient.busy("%s is still applying an earlier change", Duration.ofMinutes(5),
            "InvalidDBClusterStateFault");

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String id = current.physicalId();
        String from = Props.str(current.inputs(), "engineVersion");
        String to = Props.str(in, "engineVersion");
        boolean upgrade = !Objects.equals(from, to);
        rds.aws().settleRun("database cluster " + id, r.waits(), () -> rds.client().modifyDBCluster(b -> {
            b.dbClusterIdentifier(id).applyImmediately(true).serverlessV2ScalingConfiguration(scaling(in))
                    .deletionProtection(Props.bool(in, "deletionProtection")).backupRetentionPeriod(Props.integer(in, "backupRetentionPeriod"))
                    .vpcSecurityGroupIds(Props.strings(in, "vpcSecurityGroupIds")).copyTagsToSnapshot(Props.bool(in, "copyTagsToSnapshot"));
            if (upgrade) b.engineVersion(to).allowMajorVersionUpgrade(!major(from).equals(major(to)));
            if (!Objects.equals(Props.integer(current.inputs(), "port"), Props.integer(in, "port"))) b.port(Props.integer(in, "port"));
        }), SETTLING);
        return applied(awaitAvailable(id, r.waits()));
    }

    private static String major(String version) {
        return version == null ? "" : version.split("\\.")[0];
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        String id = h.physicalId();
        boolean snapshot = Props.bool(h.inputs(), "finalSnapshot");
        String snap = id + "-final-" + STAMP.format(rds.aws().clients().clock().now());
        rds.aws().deleteWhenUnused("database cluster " + id, Rds.CREATE_TIMEOUT, waits, Rds.unlessDeleting(() -> rds.client().deleteDBCluster(b -> {
            b.dbClusterIdentifier(id);
            if (snapshot) b.finalDBSnapshotIdentifier(snap).skipFinalSnapshot(false);
            else b.skipFinalSnapshot(true);
        }), () -> status(id)));
        rds.awaitGone("database cluster " + id, waits, () -> status(id));
    }

    /**
     * Every cluster of the region (DescribeDBClusters' filters take exact identifiers only, no prefix or tag), 100 a
     * page, each with its tags in the listing: no call per cluster; the tags then judge.
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Found> out = new ArrayList<>();
        for (DBCluster c : Pages.all(rds.aws().retry(), m -> rds.client().describeDBClusters(b -> b.marker(m)),
                DescribeDbClustersResponse::marker, DescribeDbClustersResponse::dbClusters))
            out.add(new Found(type(), c.dbClusterIdentifier(), Rds.tags(c.tagList()), Map.of(), applied(c).outputs(),
                    c.dbSubnetGroup() == null ? java.util.Set.of() : java.util.Set.of(c.dbSubnetGroup())));
        return out;
    }
}

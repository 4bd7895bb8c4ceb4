package dev.infra.providers.rds;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeRds;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdsProvidersTest {
    private final ProviderFixture f = new ProviderFixture();

    static Map<String, Object> cluster(String version, double min, double max, boolean protect) {
        Map<String, Object> in = new HashMap<>(Map.of("dbClusterIdentifier", "shop-dev-db", "engine", "aurora-postgresql", "engineVersion", version,
                "databaseName", "app", "masterUsername", "infra", "manageMasterUserPassword", true, "storageEncrypted", true,
                "dbSubnetGroupName", "shop-dev-db", "vpcSecurityGroupIds", List.of("sg-1"), "port", 5432));
        Map<String, Object> scaling = new HashMap<>(Map.of("minCapacity", min, "maxCapacity", max));
        if (min == 0) scaling.put("secondsUntilAutoPause", 1200);
        in.putAll(Map.of("serverlessV2ScalingConfiguration", scaling, "deletionProtection", protect, "finalSnapshot", protect,
                "backupRetentionPeriod", 7, "copyTagsToSnapshot", true));
        return in;
    }

    private static Map<String, Object> instance(String id, int tier) {
        return Map.of("dbInstanceIdentifier", id, "dbClusterIdentifier", "shop-dev-db", "dbInstanceClass", "db.serverless",
                "engine", "aurora-postgresql", "promotionTier", tier);
    }

    private ResourceHandle[] createAll(boolean protect) {
        ResourceHandle group = f.create("db/subnetGroup", "aws.rds.DbSubnetGroup", Map.of("name", "shop-dev-db", "description", "infra db",
                "subnetIds", List.of("subnet-1", "subnet-2")));
        ResourceHandle c = f.create("db/cluster", "aws.rds.Cluster", cluster("16.4", 0, 4, protect));
        ResourceHandle w = f.create("db/writer", "aws.rds.Instance", instance("shop-dev-db-writer", 0));
        return new ResourceHandle[] {group, c, w};
    }

    @Test
    void aClusterIsCreatedAwaitedReadUpdatedInPlaceAndDeletedInOrder() {
        ResourceHandle[] r = createAll(false);
        assertThat(f.fake.clock().slept()).as("cluster and writer creation waited on the virtual clock").isGreaterThanOrEqualTo(Duration.ofMinutes(13));
        assertThat(f.out(r[1], "endpoint")).isEqualTo("shop-dev-db.cluster-c9akciq32.rds.us-east-1.amazonaws.com");
        assertThat(f.out(r[1], "readerEndpoint")).contains(".cluster-ro-");
        assertThat(f.out(r[1], "masterUserSecretArn")).startsWith("arn:aws:secretsmanager:us-east-1:");

        f.fake.calls().clear();
        var read = f.provider("aws.rds.Cluster").read(List.of(r[1]));
        assertThat(read.get("db/cluster").inputs().get("engineVersion")).isEqualTo("16.4");
        assertThat(f.provider("aws.rds.Instance").read(List.of(r[2]))).containsKey("db/writer");
        assertThat(f.provider("aws.rds.DbSubnetGroup").read(List.of(r[0])).get("db/subnetGroup").inputs().get("subnetIds")).isEqualTo(List.of("subnet-1", "subnet-2"));
        assertThat(f.fake.calls().all()).containsExactly("rds:DescribeDBClusters", "rds:DescribeDBInstances", "rds:DescribeDBSubnetGroups");

        ResourceHandle scaled = f.updated(r[1], cluster("16.4", 0.5, 16, false));
        assertThat(f.fake.service(FakeRds.class).cluster("shop-dev-db").serverlessV2ScalingConfiguration().maxCapacity()).isEqualTo(16.0);
        ResourceHandle upgraded = f.updated(scaled, cluster("17.4", 0.5, 16, false));
        assertThat(f.fake.service(FakeRds.class).cluster("shop-dev-db").engineVersion()).as("major upgrade allowed").isEqualTo("17.4");
        ResourceHandle reader = f.create("db/reader1", "aws.rds.Instance", instance("shop-dev-db-reader1", 1));

        f.provider("aws.rds.Instance").delete(reader);
        f.provider("aws.rds.Instance").delete(r[2]);
        f.provider("aws.rds.Cluster").delete(upgraded);
        f.provider("aws.rds.DbSubnetGroup").delete(r[0]);
        f.provider("aws.rds.Cluster").delete(upgraded);
        assertThat(f.fake.service(FakeRds.class).snapshots()).as("no final snapshot unless asked").isEmpty();
        assertThat(f.provider("aws.rds.Cluster").read(List.of(upgraded))).isEmpty();
    }

    @Test
    void aProtectedClusterRefusesDeletionClearlyAndTakesAFinalSnapshotOnceReleased() {
        ResourceHandle[] r = createAll(true);
        f.provider("aws.rds.Instance").delete(r[2]);
        assertThatThrownBy(() -> f.provider("aws.rds.Cluster").delete(r[1])).hasMessageContaining("disable deletion protection");
        ResourceHandle released = f.updated(r[1], Map.copyOf(withFlag(cluster("16.4", 0, 4, true), "deletionProtection", false)));
        f.provider("aws.rds.Cluster").delete(released);
        assertThat(f.fake.service(FakeRds.class).snapshots()).singleElement().asString().startsWith("shop-dev-db-final-");
    }

    @Test
    void aTakenIdentifierIsAdoptedOnlyWhenTheTagsProveItOurs() {
        ResourceHandle[] r = createAll(false);
        var again = f.request("db/cluster", "aws.rds.Cluster", cluster("16.4", 0, 4, false));
        assertThatThrownBy(() -> f.provider("aws.rds.Cluster").create(again)).isInstanceOf(AlreadyExistsException.class);
        assertThat(f.provider("aws.rds.Cluster").findExisting(again)).map(a -> a.physicalId()).contains(r[1].physicalId());
        assertThat(f.provider("aws.rds.Cluster").findExisting(f.request("other/cluster", "aws.rds.Cluster", cluster("16.4", 0, 4, false)))).isEmpty();
        assertThat(f.provider("aws.rds.Cluster").listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("db/cluster");
        assertThat(f.provider("aws.rds.DbSubnetGroup").listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("db/subnetGroup");
    }

    @Test
    void throttlingAndAServerErrorAreRetried() {
        f.fake.faults().throttle(0.3).failAt("rds:CreateDBCluster", 1);
        ResourceHandle[] r = createAll(false);
        assertThat(f.provider("aws.rds.Cluster").read(List.of(r[1]))).containsKey("db/cluster");
        assertThat(f.fake.faults().throttledCalls()).isPositive();
    }

    @Test
    void rdsRefusesMinZeroAcusOnAVersionWithoutAutoPauseAndAPauseOutsideFiveMinutesToADay() {
        f.create("db/subnetGroup", "aws.rds.DbSubnetGroup", Map.of("name", "shop-dev-db", "description", "infra db", "subnetIds", List.of("subnet-1", "subnet-2")));
        assertThatThrownBy(() -> f.create("db/cluster", "aws.rds.Cluster", cluster("16.2", 0, 4, false)))
                .hasMessageContaining("InvalidParameterValue").hasMessageContaining("minimum capacity 0 isn't valid for engine version 16.2");
        Map<String, Object> quick = cluster("16.4", 0, 4, false);
        quick.put("serverlessV2ScalingConfiguration", Map.of("minCapacity", 0.0, "maxCapacity", 4.0, "secondsUntilAutoPause", 120));
        assertThatThrownBy(() -> f.create("db/cluster", "aws.rds.Cluster", quick)).hasMessageContaining("between 300 and 86400 seconds");
        ResourceHandle c = f.create("db/cluster", "aws.rds.Cluster", cluster("16.4", 0.5, 4, false));
        Map<String, Object> pausing = cluster("16.4", 0.5, 4, false);
        pausing.put("serverlessV2ScalingConfiguration", Map.of("minCapacity", 0.5, "maxCapacity", 4.0, "secondsUntilAutoPause", 600));
        assertThatThrownBy(() -> f.updated(c, pausing))
                .hasMessageContaining("SecondsUntilAutoPause can only be specified when minimum capacity is 0");
    }

    private static Map<String, Object> withFlag(Map<String, Object> in, String key, Object value) {
        Map<String, Object> m = new HashMap<>(in);
        m.put(key, value);
        return m;
    }
}

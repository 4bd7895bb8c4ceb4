package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Harsh FakeAws: a cluster still applying its last change refuses the next ModifyDBCluster. (A deleting cluster holding
 * its DB subnet group is plain FakeRds: {@code RdsDeletingTest}.)
 */
class RdsHarshTest {
    private final ProviderFixture f = new ProviderFixture();
    private final List<String> waits = new ArrayList<>();

    static Map<String, Object> cluster(double max) {
        Map<String, Object> in = new HashMap<>(Map.of("dbClusterIdentifier", "shop-dev-db", "engine", "aurora-postgresql", "engineVersion", "16.4",
                "databaseName", "app", "masterUsername", "infra", "manageMasterUserPassword", true, "storageEncrypted", true,
                "dbSubnetGroupName", "shop-dev-db", "vpcSecurityGroupIds", List.of("sg-1"), "port", 5432));
        in.putAll(Map.of("serverlessV2ScalingConfiguration", Map.of("minCapacity", 0.5, "maxCapacity", max), "deletionProtection", false,
                "finalSnapshot", false, "backupRetentionPeriod", 7, "copyTagsToSnapshot", true));
        return in;
    }

    @Test
    void aSecondChangeWaitsUntilTheClusterHasAppliedTheFirst() {
        f.fake.harsh(10);
        f.create("db/subnetGroup", "aws.rds.DbSubnetGroup", Map.of("name", "shop-dev-db", "description", "infra db", "subnetIds", List.of("subnet-1", "subnet-2")));
        ResourceHandle c = f.updated(f.create("db/cluster", "aws.rds.Cluster", cluster(4)), cluster(8));
        assertThatThrownBy(() -> f.client(RdsClient.class).modifyDBCluster(b -> b.dbClusterIdentifier("shop-dev-db")))
                .as("without a retry").hasMessageContaining("InvalidDBClusterStateFault");
        f.updated(c, cluster(16), waits);
        assertThat(waits).first().asString().isEqualTo("database cluster shop-dev-db is still applying an earlier change (busy), 0 s");
    }

    @Test
    void aSubnetGroupStillUsedAfterTheDeleteBudgetFailsWithRdsMessage() {
        ResourceHandle group = f.create("db/subnetGroup", "aws.rds.DbSubnetGroup", Map.of("name", "shop-dev-db", "description", "infra db",
                "subnetIds", List.of("subnet-1", "subnet-2")));
        f.create("db/cluster", "aws.rds.Cluster", cluster(4));
        java.time.Instant start = f.fake.clock().now();
        assertThatThrownBy(() -> f.provider("aws.rds.DbSubnetGroup").delete(group, waits::add))
                .hasMessage("timed out after 20 min waiting for DB subnet group shop-dev-db to be free of dependents; AWS says InvalidDBSubnetGroupStateFault: Cannot delete the subnet group "
                        + "'shop-dev-db' because at least one database cluster: shop-dev-db is still using it.");
        assertThat(java.time.Duration.between(start, f.fake.clock().now())).isBetween(java.time.Duration.ofMinutes(20), java.time.Duration.ofMinutes(21));
    }
}

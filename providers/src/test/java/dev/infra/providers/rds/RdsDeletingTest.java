package dev.infra.providers.rds;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeRds;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RDS keeps a deleted cluster and instance in Describe as {@code deleting} for minutes: a second delete is refused, the
 * cluster still holds its subnet group and its identifier. Providers wait the deletion out instead of asking again.
 */
class RdsDeletingTest {
    private final ProviderFixture f = new ProviderFixture();
    private final List<String> waits = new ArrayList<>();

    private ResourceHandle group() {
        return f.create("db/subnetGroup", "aws.rds.DbSubnetGroup", Map.of("name", "shop-dev-db", "description", "infra db",
                "subnetIds", List.of("subnet-1", "subnet-2")));
    }

    private ResourceHandle cluster() {
        return f.create("db/cluster", "aws.rds.Cluster", RdsProvidersTest.cluster("16.4", 0.5, 4, false));
    }

    private ResourceHandle writer() {
        return f.create("db/writer", "aws.rds.Instance", Map.of("dbInstanceIdentifier", "shop-dev-db-writer", "dbClusterIdentifier", "shop-dev-db",
                "dbInstanceClass", "db.serverless", "engine", "aurora-postgresql", "promotionTier", 0));
    }

    private RdsClient rds() {
        return f.client(RdsClient.class);
    }

    @Test
    void aDeletingClusterStaysInDescribeRefusesASecondDeleteAndHoldsItsSubnetGroupAndName() {
        group();
        cluster();
        rds().deleteDBCluster(b -> b.dbClusterIdentifier("shop-dev-db").skipFinalSnapshot(true));
        assertThat(rds().describeDBClusters(b -> { }).dbClusters()).singleElement().extracting(c -> c.status()).isEqualTo("deleting");
        assertThatThrownBy(() -> rds().deleteDBCluster(b -> b.dbClusterIdentifier("shop-dev-db").skipFinalSnapshot(true)))
                .hasMessageContaining("InvalidDBClusterStateFault");
        assertThatThrownBy(() -> rds().deleteDBSubnetGroup(b -> b.dbSubnetGroupName("shop-dev-db")))
                .hasMessageContaining("InvalidDBSubnetGroupStateFault");
        assertThatThrownBy(() -> rds().createDBCluster(b -> b.dbClusterIdentifier("shop-dev-db").dbSubnetGroupName("shop-dev-db").engine("aurora-postgresql")))
                .hasMessageContaining("DBClusterAlreadyExistsFault");
    }

    @Test
    void aDeletingInstanceRefusesASecondDeleteAndKeepsItsClusterFromBeingDeleted() {
        group();
        cluster();
        writer();
        rds().deleteDBInstance(b -> b.dbInstanceIdentifier("shop-dev-db-writer").skipFinalSnapshot(true));
        assertThat(rds().describeDBInstances(b -> { }).dbInstances()).singleElement().extracting(i -> i.dbInstanceStatus()).isEqualTo("deleting");
        assertThatThrownBy(() -> rds().deleteDBInstance(b -> b.dbInstanceIdentifier("shop-dev-db-writer").skipFinalSnapshot(true)))
                .hasMessageContaining("InvalidDBInstanceState").hasMessageContaining("already being deleted");
        assertThatThrownBy(() -> rds().deleteDBCluster(b -> b.dbClusterIdentifier("shop-dev-db").skipFinalSnapshot(true)))
                .hasMessageContaining("InvalidDBClusterStateFault");
    }

    @Test
    void aClusterDeleteWhoseResponseWasLostWaitsForTheDeletionItStartedUntilGone() {
        f.fake.harsh(3);
        group();
        ResourceHandle c = cluster();
        f.fake.loseResponse("DeleteDbCluster", 1);
        f.fake.calls().clear();
        Instant start = f.fake.clock().now();
        f.provider("aws.rds.Cluster").delete(c, waits::add);
        assertThat(f.fake.calls().count("rds:DeleteDBCluster")).as("the lost one, then the retry RDS refuses: no more").isEqualTo(2);
        assertThat(f.fake.service(FakeRds.class).cluster("shop-dev-db")).as("gone from RDS").isNull();
        assertThat(Duration.between(start, f.fake.clock().now())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(waits).isNotEmpty().allSatisfy(w -> assertThat(w).startsWith("database cluster shop-dev-db to be deleted"));
    }

    @Test
    void anInstanceAlreadyDeletingIsAwaitedUntilGoneNotDeletedAgain() {
        group();
        cluster();
        ResourceHandle w = writer();
        rds().deleteDBInstance(b -> b.dbInstanceIdentifier("shop-dev-db-writer").skipFinalSnapshot(true));
        f.fake.calls().clear();
        f.provider("aws.rds.Instance").delete(w, waits::add);
        assertThat(f.provider("aws.rds.Instance").read(List.of(w))).isEmpty();
        assertThat(f.fake.calls().all()).containsOnlyOnce("rds:DeleteDBInstance");
        assertThat(waits).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("database instance shop-dev-db-writer to be deleted"));
    }

    @Test
    void aCreateMeetingItsDeletingNamesakeWaitsUntilItIsGoneThenCreates() {
        group();
        cluster();
        rds().deleteDBCluster(b -> b.dbClusterIdentifier("shop-dev-db").skipFinalSnapshot(true));
        Instant start = f.fake.clock().now();
        ResourceHandle again = f.create("db/cluster", "aws.rds.Cluster", RdsProvidersTest.cluster("16.4", 0.5, 4, false), waits);
        assertThat(again.physicalId()).isEqualTo("shop-dev-db");
        assertThat(rds().describeDBClusters(b -> { }).dbClusters()).singleElement().extracting(c -> c.status()).isEqualTo("available");
        assertThat(waits).first().asString().startsWith("the deleting database cluster shop-dev-db to be deleted");
        assertThat(Duration.between(start, f.fake.clock().now())).as("deletion, then creation").isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theSubnetGroupIsDeletedOnceTheDeletingClusterIsGone() {
        ResourceHandle group = group();
        cluster();
        rds().deleteDBCluster(b -> b.dbClusterIdentifier("shop-dev-db").skipFinalSnapshot(true));
        Instant start = f.fake.clock().now();
        f.provider("aws.rds.DbSubnetGroup").delete(group, waits::add);
        assertThat(waits).first().asString().isEqualTo("DB subnet group shop-dev-db to be free of dependents");
        assertThat(f.provider("aws.rds.DbSubnetGroup").read(List.of(group))).isEmpty();
        assertThat(Duration.between(start, f.fake.clock().now())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    }
}

package dev.infra.providers.rds;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeRds;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyProviderTest {
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:rds!cluster-shop-dev-db-Ab12Cd";
    private final ProviderFixture f = new ProviderFixture();

    private static Map<String, Object> proxy(boolean tls, List<String> groups, String cluster) {
        Map<String, Object> in = new HashMap<>();
        in.putAll(Map.of("name", "shop-dev-db-proxy", "engineFamily", "POSTGRESQL", "requireTls", tls,
                "auth", List.of(Map.of("secretArn", SECRET, "iamAuth", "DISABLED")), "roleArn", "arn:aws:iam::000000000000:role/shop-dev-db-proxy",
                "vpcSubnetIds", List.of("subnet-1", "subnet-2"), "vpcSecurityGroupIds", groups, "targetDbClusterIdentifier", cluster));
        return in;
    }

    private FakeRds rds() {
        return f.fake.service(FakeRds.class);
    }

    private void cluster() {
        f.create("db/subnetGroup", "aws.rds.DbSubnetGroup", Map.of("name", "shop-dev-db", "description", "infra db",
                "subnetIds", List.of("subnet-1", "subnet-2")));
        f.create("db/cluster", "aws.rds.Cluster", RdsProvidersTest.cluster("16.4", 0.5, 4, false));
    }

    @Test
    void aProxyIsAwaitedRegisteredReadWithoutDriftChangedInPlaceAndDeleted() {
        cluster();
        Duration before = f.fake.clock().slept();
        ResourceHandle p = f.create("db/proxy", "aws.rds.Proxy", proxy(true, List.of("sg-1"), "shop-dev-db"));
        assertThat(f.fake.clock().slept().minus(before)).as("creation awaited").isGreaterThanOrEqualTo(Duration.ofMinutes(4));
        assertThat(rds().proxyTarget("shop-dev-db-proxy")).isEqualTo("shop-dev-db");
        assertThat(f.out(p, "endpoint")).isEqualTo("shop-dev-db-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com");

        f.fake.calls().clear();
        var read = f.provider("aws.rds.Proxy").read(List.of(p));
        assertThat(read.get("db/proxy").inputs()).as("what was asked reads back unchanged").isEqualTo(p.inputs());
        assertThat(f.fake.calls().all()).containsExactly("rds:DescribeDBProxies", "rds:DescribeDBProxyTargets");

        ResourceHandle changed = f.updated(p, proxy(false, List.of("sg-1", "sg-2"), "shop-dev-db"));
        var live = f.provider("aws.rds.Proxy").read(List.of(changed)).get("db/proxy").inputs();
        assertThat(live.get("requireTls")).isEqualTo(false);
        assertThat(live.get("vpcSecurityGroupIds")).isEqualTo(List.of("sg-1", "sg-2"));
        assertThat(f.fake.calls().all()).as("the target did not change, so it was not touched").doesNotContain("rds:RegisterDBProxyTargets");

        f.provider("aws.rds.Proxy").delete(changed);
        f.provider("aws.rds.Proxy").delete(changed);
        assertThat(f.provider("aws.rds.Proxy").read(List.of(changed))).isEmpty();
    }

    @Test
    void aCrashBetweenCreateAndRegisterIsResumedByAdoption() {
        cluster();
        f.fake.faults().failAt("rds:RegisterDBProxyTargets", 1, () -> FakeAws.error("rds:RegisterDBProxyTargets",
                "InvalidDBProxyStateFault", "injected: the process died here", 400));
        var req = f.request("db/proxy", "aws.rds.Proxy", proxy(true, List.of("sg-1"), "shop-dev-db"));
        assertThatThrownBy(() -> f.provider("aws.rds.Proxy").create(req)).hasMessageContaining("injected");
        assertThat(rds().proxyTarget("shop-dev-db-proxy")).isNull();

        assertThat(f.provider("aws.rds.Proxy").findExisting(req)).map(a -> a.physicalId()).contains("shop-dev-db-proxy");
        assertThat(rds().proxyTarget("shop-dev-db-proxy")).as("adoption finished the registration").isEqualTo("shop-dev-db");
        assertThat(f.provider("aws.rds.Proxy").findExisting(f.request("other/proxy", "aws.rds.Proxy", proxy(true, List.of("sg-1"), "shop-dev-db"))))
                .as("another address's tags do not match").isEmpty();
        assertThat(f.provider("aws.rds.Proxy").listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("db/proxy");
    }

    @Test
    void aNewTargetClusterIsSwappedAndAMissingClusterIsAClearError() {
        cluster();
        ResourceHandle p = f.create("db/proxy", "aws.rds.Proxy", proxy(true, List.of("sg-1"), "shop-dev-db"));
        f.create("db2/cluster", "aws.rds.Cluster", withId(RdsProvidersTest.cluster("16.4", 0.5, 4, false), "shop-dev-db2"));
        f.updated(p, proxy(true, List.of("sg-1"), "shop-dev-db2"));
        assertThat(rds().proxyTarget("shop-dev-db-proxy")).isEqualTo("shop-dev-db2");

        f.fake.faults().throttle(0.3);
        assertThatThrownBy(() -> f.updated(p, proxy(true, List.of("sg-1"), "no-such-db"))).hasMessageContaining("DBClusterNotFoundFault");
        assertThat(f.fake.faults().throttledCalls()).as("throttled calls were retried, not reported").isPositive();
    }

    private static Map<String, Object> withId(Map<String, Object> in, String id) {
        Map<String, Object> m = new HashMap<>(in);
        m.put("dbClusterIdentifier", id);
        return m;
    }
}

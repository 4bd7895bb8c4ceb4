package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.wafv2.Wafv2Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Harsh FakeAws: WAF not yet seeing a new load balancer; another writer moving a web ACL's lock token on. */
class WafHarshTest {
    private final ProviderFixture f = new ProviderFixture();
    private final List<String> waits = new ArrayList<>();

    private static Map<String, Object> acl(int limit) {
        Map<String, Object> vis = Map.of("cloudWatchMetricsEnabled", true, "sampledRequestsEnabled", true, "metricName", "shop-dev-firewall");
        return Map.of("name", "shop-dev-firewall", "scope", "REGIONAL", "defaultAction", "allow", "visibilityConfig", vis, "rules", List.of(
                Map.of("name", "rate-limit", "priority", 0, "action", "block", "visibilityConfig", vis,
                        "rateBasedStatement", Map.of("limit", limit, "aggregateKeyType", "IP", "evaluationWindowSec", 300))));
    }

    @Test
    void theAssociationWaitsMinutesUntilWafSeesTheNewLoadBalancer() {
        f.fake.harsh(5);
        ResourceHandle lb = new Network(f).balancer("shop-dev-api");
        ResourceHandle acl = f.create("firewall/webAcl", "aws.wafv2.WebAcl", acl(200));
        assertThatThrownBy(() -> f.client(Wafv2Client.class).associateWebACL(b -> b.webACLArn(f.out(acl, "arn")).resourceArn(lb.physicalId())))
                .as("without a retry").hasMessageContaining("WAFUnavailableEntityException");
        Duration before = f.fake.clock().slept();
        f.create("firewall/association-api", "aws.wafv2.Association", Map.of("webAclArn", f.out(acl, "arn"), "resourceArn", lb.physicalId()), waits);
        assertThat(waits).first().asString().isEqualTo("WAF cannot see load balancer shop-dev-api yet (AWS propagation), 0 s");
        assertThat(waits).last().asString().matches("WAF cannot see load balancer shop-dev-api yet \\(AWS propagation\\), \\d+ s");
        assertThat(f.fake.clock().slept().minus(before)).as("the load balancer itself was active before").isPositive();
    }

    @Test
    void anUpdateAndADeleteReadTheAclAgainWhenAnotherWriterMovedItsLockTokenOn() {
        f.fake.harsh(6);
        ResourceHandle acl = f.create("firewall/webAcl", "aws.wafv2.WebAcl", acl(200));
        for (int limit = 300; limit < 800; limit += 100) f.updated(acl, acl(limit), waits);
        assertThat(f.fake.harshRefusals()).as("harsh mode moved the token on at least once in five updates").isNotEmpty();
        assertThat(waits).contains("web ACL shop-dev-firewall was changed by another writer (busy), 0 s");
        f.provider("aws.wafv2.WebAcl").delete(acl);
        assertThat(f.provider("aws.wafv2.WebAcl").read(List.of(acl))).isEmpty();
    }
}

package dev.infra.providers.wafv2;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.StageContext;
import dev.infra.fixtures.aws.FakeWafv2;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WafProvidersTest {
    private static final String ACL = "aws.wafv2.WebAcl";
    private static final String ASSOC = "aws.wafv2.Association";
    private static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-dev-web/abc";
    private final ProviderFixture f = new ProviderFixture();

    /** The inputs WafComponent emits for a waf resource with these settings. */
    static Map<String, Object> inputs(String name, int limit, boolean metrics) {
        Map<String, Object> vis = Map.of("cloudWatchMetricsEnabled", metrics, "sampledRequestsEnabled", metrics, "metricName", name);
        return Map.of("name", name, "scope", "REGIONAL", "defaultAction", "allow", "visibilityConfig", vis, "rules", List.of(
                Map.of("name", "rate-limit", "priority", 0, "action", "block", "visibilityConfig", vis,
                        "rateBasedStatement", Map.of("limit", limit, "aggregateKeyType", "IP", "evaluationWindowSec", 300)),
                Map.of("name", "AWSManagedRulesCommonRuleSet", "priority", 1, "overrideAction", "none", "visibilityConfig", vis,
                        "managedRuleGroupStatement", Map.of("vendorName", "AWS", "name", "AWSManagedRulesCommonRuleSet"))));
    }

    private FakeWafv2 waf() {
        return f.fake.service(FakeWafv2.class);
    }

    @Test
    void aclIsCreatedReadAsItsInputsUpdatedUnderTheLockTokenAndDeletedAfterDisassociation() {
        ResourceHandle acl = f.create("firewall/webAcl", ACL, inputs("shop-dev-firewall", 200, true));
        assertThat(f.out(acl, "arn")).startsWith("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop-dev-firewall/");
        ResourceHandle assoc = f.create("firewall/association-web", ASSOC, Map.of("webAclArn", f.out(acl, "arn"), "resourceArn", ALB));
        assertThat(waf().aclOf(ALB)).isEqualTo(f.out(acl, "arn"));

        f.fake.calls().clear();
        var read = f.provider(ACL).read(List.of(acl));
        assertThat(normalized(read.get("firewall/webAcl").inputs())).isEqualTo(normalized(inputs("shop-dev-firewall", 200, true)));
        assertThat(f.fake.calls().all()).containsExactly("wafv2:ListWebACLs", "wafv2:GetWebACL");
        assertThat(f.provider(ASSOC).read(List.of(assoc))).containsKey("firewall/association-web");

        waf().touch(f.out(acl, "arn"));
        f.fake.faults().failAt("wafv2:UpdateWebACL", 1, () -> dev.infra.fixtures.aws.FakeAws.error("wafv2:UpdateWebACL",
                "WAFOptimisticLockException", "someone changed the resource", 400));
        ResourceHandle updated = f.updated(acl, inputs("shop-dev-firewall", 500, false));
        assertThat(normalized(f.provider(ACL).read(List.of(updated)).get("firewall/webAcl").inputs()))
                .isEqualTo(normalized(inputs("shop-dev-firewall", 500, false)));
        assertThat(f.fake.calls().count("wafv2:UpdateWebACL")).as("a stale lock token is read again and retried").isEqualTo(2);

        f.provider(ASSOC).delete(assoc);
        assertThat(waf().aclOf(ALB)).isNull();
        assertThat(f.provider(ASSOC).read(List.of(assoc))).isEmpty();
        f.provider(ACL).delete(acl);
        f.provider(ACL).delete(acl);
        assertThat(f.provider(ACL).read(List.of(acl))).isEmpty();
    }

    @Test
    void anAclStillAssociatedIsWaitedForThenReportedByName() {
        ResourceHandle acl = f.create("firewall/webAcl", ACL, inputs("shop-dev-firewall", 200, true));
        ResourceHandle assoc = f.create("firewall/association-web", ASSOC, Map.of("webAclArn", f.out(acl, "arn"), "resourceArn", ALB));
        assertThatThrownBy(() -> f.provider(ACL).delete(acl)).hasMessageContaining("web ACL shop-dev-firewall to be free of dependents");
        assertThat(f.fake.calls().count("wafv2:DeleteWebACL")).as("retried while associated").isGreaterThan(2);
        assertThat(f.fake.clock().slept()).isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(5));
        f.provider(ASSOC).delete(assoc);
        f.provider(ACL).delete(acl);
        assertThat(f.provider(ACL).read(List.of(acl))).isEmpty();
    }

    @Test
    void aTakenNameIsAdoptedOnlyWhenTheTagsProveItOursAndTheSweepFindsIt() {
        ResourceHandle acl = f.create("firewall/webAcl", ACL, inputs("shop-dev-firewall", 200, true));
        var again = f.request("firewall/webAcl", ACL, inputs("shop-dev-firewall", 200, true));
        assertThatThrownBy(() -> f.provider(ACL).create(again)).isInstanceOf(AlreadyExistsException.class);
        assertThat(f.provider(ACL).findExisting(again)).map(a -> a.physicalId()).contains(acl.physicalId());
        assertThat(f.provider(ACL).findExisting(f.request("other/webAcl", ACL, inputs("shop-dev-firewall", 200, true)))).isEmpty();
        assertThat(f.provider(ACL).listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("firewall/webAcl");
        assertThat(f.provider(ACL).listTagged(new StageContext("shop", "prod", "us-east-1", false))).isEmpty();
    }

    @Test
    void throttlingAndAServerErrorAreRetried() {
        f.fake.faults().throttle(0.3).failAt("wafv2:CreateWebACL", 1);
        ResourceHandle acl = f.create("firewall/webAcl", ACL, inputs("shop-dev-firewall", 200, true));
        f.create("firewall/association-web", ASSOC, Map.of("webAclArn", f.out(acl, "arn"), "resourceArn", ALB));
        assertThat(f.provider(ACL).read(List.of(acl))).containsKey("firewall/webAcl");
        assertThat(f.fake.faults().throttledCalls()).isPositive();
    }

    /** Numbers as the SDK gives them back: WAF's limits and windows are longs. */
    private static Map<String, Object> normalized(Map<String, Object> in) {
        return dev.infra.providers.aws.Json.read(dev.infra.providers.aws.Json.write(in));
    }
}

package dev.infra.providers.elbv2;

import dev.infra.core.plan.Values;
import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeElb;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElbProvidersTest {
    private final ProviderFixture f = new ProviderFixture();
    private ResourceHandle vpc;
    private ResourceHandle subnetA;
    private ResourceHandle subnetB;
    private ResourceHandle group;

    @BeforeEach
    void network() {
        vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "name", "v"));
        subnetA = subnet("net/public1", "10.0.0.0/20", "us-east-1a");
        subnetB = subnet("net/public2", "10.0.16.0/20", "us-east-1b");
        group = f.create("web/lbSecurityGroup", "aws.ec2.SecurityGroup", Map.of("vpcId", vpc.physicalId(), "name", "lb",
                "description", "lb", "ingress", List.of(Map.of("protocol", "tcp", "fromPort", 80, "toPort", 80, "cidrIp", "0.0.0.0/0")),
                "egress", List.of(Map.of("protocol", "-1", "cidrIp", "10.0.0.0/16"))));
    }

    private ResourceHandle subnet(String address, String cidr, String zone) {
        return f.create(address, "aws.ec2.Subnet", Map.of("vpcId", vpc.physicalId(), "cidrBlock", cidr, "availabilityZone", zone,
                "mapPublicIpOnLaunch", true));
    }

    private Map<String, Object> targetGroupInputs(String name, String healthPath) {
        return Map.of("name", name, "port", 3000, "protocol", "HTTP", "targetType", "ip", "vpcId", vpc.physicalId(),
                "deregistrationDelaySeconds", 30, "healthCheck", Map.of("path", healthPath, "intervalSeconds", 30,
                        "timeoutSeconds", 5, "healthyThreshold", 2, "unhealthyThreshold", 3, "matcher", "200-399"));
    }

    private Map<String, Object> balancerInputs() {
        return Map.of("name", "shop-dev-web", "scheme", "internet-facing", "type", "application",
                "subnets", List.of(subnetB.physicalId(), subnetA.physicalId()), "securityGroups", List.of(group.physicalId()));
    }

    private Map<String, Object> listenerInputs(ResourceHandle lb, Map<String, Object> action) {
        return Map.of("loadBalancerArn", lb.physicalId(), "port", 80, "protocol", "HTTP", "defaultAction", action);
    }

    private static Map<String, Object> forward(ResourceHandle tg) {
        return Map.of("type", "forward", "targetGroupArn", tg.physicalId());
    }

    private Map<String, Object> ruleInputs(ResourceHandle listener, int priority, String path, ResourceHandle tg) {
        return Map.of("listenerArn", listener.physicalId(), "priority", priority, "pathPatterns", List.of(path), "action", forward(tg));
    }

    private void assertNoDrift(ResourceHandle h) {
        Observed o = f.provider(h.type()).read(List.of(h)).get(h.address());
        assertThat(o).as(h.address() + " is read").isNotNull();
        h.inputs().forEach((k, v) -> {
            if (o.inputs().containsKey(k)) assertThat(Values.same(v, o.inputs().get(k))).as(h.address() + " " + k + ": " + v + " vs " + o.inputs().get(k)).isTrue();
        });
    }

    @Test
    void aTargetGroupsDeregistrationDelayIsReadBackSoADriftInItShows() {
        ResourceHandle tg = f.create("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/health"));
        assertThat(f.provider(tg.type()).read(List.of(tg)).get(tg.address()).inputs()).containsEntry("deregistrationDelaySeconds", 30);
        f.fake.service(FakeElb.class).modifyTargetGroupAttributes(b -> b.targetGroupArn(tg.physicalId())
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("120")));
        assertThat(f.provider(tg.type()).read(List.of(tg)).get(tg.address()).inputs()).containsEntry("deregistrationDelaySeconds", 120);
    }

    @Test
    void aLoadBalancerWithListenerAndPathRuleIsCreatedReadInOneCallPerTypeAndUpdatedInPlace() {
        ResourceHandle tg = f.create("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/health"));
        assertThat(f.fake.service(FakeElb.class).describeTargetGroupAttributes(b -> b.targetGroupArn(tg.physicalId())).attributes())
                .anyMatch(a -> a.key().equals("deregistration_delay.timeout_seconds") && a.value().equals("30"));
        ResourceHandle lb = f.create("web/loadBalancer", "aws.elbv2.LoadBalancer", balancerInputs());
        assertThat(f.fake.clock().slept().toSeconds()).as("waited for provisioning").isGreaterThanOrEqualTo(90);
        assertThat(f.out(lb, "dnsName")).startsWith("shop-dev-web-").endsWith(".elb.amazonaws.com");
        ResourceHandle listener = f.create("web/listener80", "aws.elbv2.Listener", listenerInputs(lb, Map.of("type", "fixed-response", "statusCode", "404")));
        ResourceHandle rule = f.create("web/rule1", "aws.elbv2.ListenerRule", ruleInputs(listener, 1, "/api/*", tg));
        assertThat(f.fake.service(FakeElb.class).targetGroupHasLoadBalancer(tg.physicalId())).isTrue();

        f.fake.calls().clear();
        for (ResourceHandle h : List.of(tg, lb, listener, rule)) assertNoDrift(h);
        // a group's attributes have no batch read: one DescribeTargetGroupAttributes per group
        assertThat(f.fake.calls().all()).containsExactly("elbv2:DescribeTargetGroups", "elbv2:DescribeTargetGroupAttributes",
                "elbv2:DescribeLoadBalancers", "elbv2:DescribeListeners", "elbv2:DescribeRules");

        ResourceHandle tg2 = f.updated(tg, targetGroupInputs("shop-dev-web", "/ready"));
        ResourceHandle listener2 = f.updated(listener, listenerInputs(lb, forward(tg)));
        ResourceHandle rule2 = f.updated(rule, ruleInputs(listener, 5, "/v2/*", tg));
        for (ResourceHandle h : List.of(tg2, listener2, rule2)) assertNoDrift(h);
        assertThat(f.provider("aws.elbv2.ListenerRule").read(List.of(rule2)).get("web/rule1").inputs())
                .containsEntry("priority", 5).containsEntry("pathPatterns", List.of("/v2/*"));
    }

    @Test
    void deletesGoInReverseAndTheSubnetsWaitForTheBalancersInterfaces() {
        ResourceHandle tg = f.create("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/health"));
        ResourceHandle lb = f.create("web/loadBalancer", "aws.elbv2.LoadBalancer", balancerInputs());
        ResourceHandle listener = f.create("web/listener80", "aws.elbv2.Listener", listenerInputs(lb, forward(tg)));
        assertThatThrownBy(() -> f.fake.service(FakeElb.class).deleteTargetGroup(b -> b.targetGroupArn(tg.physicalId())))
                .hasMessageContaining("ResourceInUse");
        assertThat(f.provider("aws.elbv2.LoadBalancer").listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("web/loadBalancer");
        assertThat(f.provider("aws.elbv2.TargetGroup").listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("web/targetGroup");

        f.provider("aws.elbv2.Listener").delete(listener);
        f.provider("aws.elbv2.TargetGroup").delete(tg);
        f.provider("aws.elbv2.LoadBalancer").delete(lb);
        f.provider("aws.elbv2.LoadBalancer").delete(lb);
        long before = f.fake.clock().slept().toSeconds();
        f.provider("aws.ec2.Subnet").delete(subnetA);
        assertThat(f.fake.clock().slept().toSeconds() - before).as("waited for the interfaces to go").isGreaterThanOrEqualTo(25);
        f.provider("aws.ec2.SecurityGroup").delete(group);
        assertThat(f.provider("aws.elbv2.LoadBalancer").read(List.of(lb))).isEmpty();
        assertThat(f.fake.tagged(Map.of("infra:stage", "dev"))).noneMatch(id -> id.contains("elasticloadbalancing"));
    }

    @Test
    void aReadOfSomeGoneArnsReturnsTheOthers() {
        ResourceHandle a = f.create("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/health"));
        ResourceHandle b = f.create("api/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-api", "/health"));
        ResourceHandle c = f.create("adm/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-adm", "/health"));
        f.provider("aws.elbv2.TargetGroup").delete(b);
        f.fake.calls().clear();
        assertThat(f.provider("aws.elbv2.TargetGroup").read(List.of(a, b, c))).containsOnlyKeys("web/targetGroup", "adm/targetGroup");
        assertThat(f.fake.calls().count("elbv2:DescribeTargetGroups")).as("whole batch, then its halves, then b alone").isLessThanOrEqualTo(5);
    }

    @Test
    void aRetriedCreateIsIdempotentAndAdoptionChecksTheTags() {
        ResourceHandle tg = f.create("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/health"));
        assertThat(f.create("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/health")).physicalId())
                .isEqualTo(tg.physicalId());
        var changed = f.request("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/other"));
        assertThatThrownBy(() -> f.provider("aws.elbv2.TargetGroup").create(changed)).isInstanceOf(AlreadyExistsException.class);
        assertThat(f.provider("aws.elbv2.TargetGroup").findExisting(changed)).map(x -> x.physicalId()).contains(tg.physicalId());
        assertThat(f.provider("aws.elbv2.TargetGroup").findExisting(f.request("api/targetGroup", "aws.elbv2.TargetGroup",
                targetGroupInputs("shop-dev-web", "/health")))).as("tags name another resource").isEmpty();

        ResourceHandle lb = f.create("web/loadBalancer", "aws.elbv2.LoadBalancer", balancerInputs());
        ResourceHandle listener = f.create("web/listener80", "aws.elbv2.Listener", listenerInputs(lb, forward(tg)));
        var again = f.request("web/listener80", "aws.elbv2.Listener", listenerInputs(lb, forward(tg)));
        assertThatThrownBy(() -> f.provider("aws.elbv2.Listener").create(again)).isInstanceOf(AlreadyExistsException.class);
        assertThat(f.provider("aws.elbv2.Listener").findExisting(again)).map(x -> x.physicalId()).contains(listener.physicalId());
        ResourceHandle rule = f.create("web/rule1", "aws.elbv2.ListenerRule", ruleInputs(listener, 1, "/api/*", tg));
        var ruleAgain = f.request("web/rule1", "aws.elbv2.ListenerRule", ruleInputs(listener, 1, "/api/*", tg));
        assertThatThrownBy(() -> f.provider("aws.elbv2.ListenerRule").create(ruleAgain)).isInstanceOf(AlreadyExistsException.class);
        assertThat(f.provider("aws.elbv2.ListenerRule").findExisting(ruleAgain)).map(x -> x.physicalId()).contains(rule.physicalId());
    }

    @Test
    void throttledCallsAreRetriedThroughCreateReadAndDelete() {
        f.fake.faults().throttle(0.3).failAt("elbv2:CreateLoadBalancer", 1);
        ResourceHandle tg = f.create("web/targetGroup", "aws.elbv2.TargetGroup", targetGroupInputs("shop-dev-web", "/health"));
        ResourceHandle lb = f.create("web/loadBalancer", "aws.elbv2.LoadBalancer", balancerInputs());
        ResourceHandle listener = f.create("web/listener80", "aws.elbv2.Listener", listenerInputs(lb, forward(tg)));
        Map<String, Observed> read = new HashMap<>(f.provider("aws.elbv2.LoadBalancer").read(List.of(lb)));
        read.putAll(f.provider("aws.elbv2.Listener").read(List.of(listener)));
        assertThat(read).containsOnlyKeys("web/loadBalancer", "web/listener80");
        f.provider("aws.elbv2.LoadBalancer").delete(lb);
        f.provider("aws.elbv2.TargetGroup").delete(tg);
        assertThat(f.fake.faults().throttledCalls()).isPositive();
        assertThat(f.fake.tagged(Map.of("infra:stage", "dev"))).noneMatch(id -> id.contains("elasticloadbalancing"));
    }
}

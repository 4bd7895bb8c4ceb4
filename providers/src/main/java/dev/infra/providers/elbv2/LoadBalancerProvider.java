package dev.infra.providers.elbv2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * aws.elbv2.LoadBalancer (application): created in its subnets with its security groups, then awaited until
 * active; security groups change in place. CreateLoadBalancer is idempotent for the same name and settings, so a
 * retried create returns the same load balancer.
 */
final class LoadBalancerProvider extends ElbProvider<LoadBalancer> {
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(15);

    LoadBalancerProvider(Aws aws) {
        super(aws);
    }

    @Override
    public String type() {
        return ElbProviders.LOAD_BALANCER.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        LoadBalancer lb = creating(() -> elb().createLoadBalancer(b -> b.name(Props.str(in, "name")).scheme(Props.str(in, "scheme"))
                .type(Props.str(in, "type", "application")).subnets(Props.strings(in, "subnets"))
                .securityGroups(Props.strings(in, "securityGroups")).tags(tags(r.tags())))).loadBalancers().get(0);
        return applied(settle(lb, r));
    }

    @Override
    protected LoadBalancer settle(LoadBalancer lb, ResourceRequest r) {
        String arn = lb.loadBalancerArn();
        String name = lb.loadBalancerName();
        return aws.poller().await("load balancer " + name + " to become active", ACTIVE_TIMEOUT, r.waits(), () -> {
            LoadBalancer now = describe(List.of(arn)).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("load balancer " + name + " disappeared while provisioning"));
            if (now.state().code() == LoadBalancerStateEnum.FAILED)
                throw new IllegalStateException("load balancer " + name + " failed to provision: " + now.state().reason());
            return now.state().code() == LoadBalancerStateEnum.PROVISIONING ? Optional.empty() : Optional.of(now);
        });
    }

    @Override
    protected List<LoadBalancer> describeArns(List<String> arns) {
        return pages(b -> b.loadBalancerArns(arns));
    }

    private List<LoadBalancer> pages(Consumer<software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest.Builder> filter) {
        return Pages.all(aws.retry(), m -> elb().describeLoadBalancers(b -> {
            filter.accept(b);
            b.marker(m).pageSize(PAGE);
        }), DescribeLoadBalancersResponse::nextMarker, DescribeLoadBalancersResponse::loadBalancers);
    }

    @Override
    protected String arn(LoadBalancer lb) {
        return lb.loadBalancerArn();
    }

    @Override
    protected Map<String, Object> outputs(LoadBalancer lb) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("arn", lb.loadBalancerArn());
        out.put("dnsName", lb.dnsName());
        if (lb.canonicalHostedZoneId() != null) out.put("zoneId", lb.canonicalHostedZoneId());
        return out;
    }

    @Override
    protected Map<String, Object> liveInputs(LoadBalancer lb, ResourceHandle h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", lb.loadBalancerName());
        m.put("scheme", lb.schemeAsString());
        m.put("type", lb.typeAsString());
        m.put("subnets", Props.inRecordedOrder(lb.availabilityZones().stream().map(AvailabilityZone::subnetId).toList(), h.inputs(), "subnets"));
        m.put("securityGroups", Props.inRecordedOrder(lb.securityGroups(), h.inputs(), "securityGroups"));
        return m;
    }

    @Override
    protected Optional<LoadBalancer> lookup(ResourceRequest r) {
        return first(() -> pages(b -> b.names(Props.str(r.inputs(), "name"))));
    }

    @Override
    protected List<LoadBalancer> all() {
        return pages(b -> { });
    }

    @Override
    protected boolean namedForStage(LoadBalancer lb, dev.infra.core.provider.StageContext stage) {
        return lb.loadBalancerName().startsWith(StageNames.prefix(stage, dev.infra.core.component.Naming.ALB));
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        aws.run(() -> elb().setSecurityGroups(b -> b.loadBalancerArn(current.physicalId()).securityGroups(Props.strings(r.inputs(), "securityGroups"))));
        return new Applied(current.physicalId(), current.outputs());
    }

    @Override
    protected void deleteArn(String arn) {
        elb().deleteLoadBalancer(b -> b.loadBalancerArn(arn));
    }
}

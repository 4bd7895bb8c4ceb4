package dev.infra.providers.elbv2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * aws.elbv2.Listener: a port and protocol on a load balancer (a certificate for HTTPS) and its default action;
 * everything but the load balancer changes in place. A retried create finds the listener by its port. Listeners go
 * with their load balancer, so the sweep leaves them to it.
 */
final class ListenerProvider extends ElbProvider<Listener> {
    ListenerProvider(Aws aws) {
        super(aws);
    }

    @Override
    public String type() {
        return ElbProviders.LISTENER.type();
    }

    private static List<Certificate> certificates(Map<String, Object> in) {
        String arn = Props.str(in, "certificateArn");
        return arn == null ? List.of() : List.of(Certificate.builder().certificateArn(arn).build());
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        Listener l = creating(() -> elb().createListener(b -> b.loadBalancerArn(Props.str(in, "loadBalancerArn"))
                .port(Props.integer(in, "port")).protocol(Props.str(in, "protocol")).certificates(certificates(in))
                .defaultActions(Actions.toSdk(Props.map(in, "defaultAction"))).tags(tags(r.tags())))).listeners().get(0);
        return applied(l);
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        Listener l = aws.call(() -> elb().modifyListener(b -> b.listenerArn(current.physicalId()).port(Props.integer(in, "port"))
                .protocol(Props.str(in, "protocol")).certificates(certificates(in))
                .defaultActions(Actions.toSdk(Props.map(in, "defaultAction"))))).listeners().get(0);
        return applied(l);
    }

    private List<Listener> pages(Consumer<DescribeListenersRequest.Builder> filter) {
        return Pages.all(aws.retry(), m -> elb().describeListeners(b -> {
            filter.accept(b);
            b.marker(m).pageSize(PAGE);
        }), DescribeListenersResponse::nextMarker, DescribeListenersResponse::listeners);
    }

    @Override
    protected List<Listener> describeArns(List<String> arns) {
        return pages(b -> b.listenerArns(arns));
    }

    @Override
    protected String arn(Listener l) {
        return l.listenerArn();
    }

    @Override
    protected Map<String, Object> outputs(Listener l) {
        return Map.of("arn", l.listenerArn());
    }

    @Override
    protected Map<String, Object> liveInputs(Listener l, ResourceHandle h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loadBalancerArn", l.loadBalancerArn());
        m.put("port", l.port());
        m.put("protocol", l.protocolAsString());
        if (!l.certificates().isEmpty()) m.put("certificateArn", l.certificates().get(0).certificateArn());
        m.put("defaultAction", Actions.fromSdk(l.defaultActions(), Props.map(h.inputs(), "defaultAction")));
        return m;
    }

    @Override
    protected Optional<Listener> lookup(ResourceRequest r) {
        Integer port = Props.integer(r.inputs(), "port");
        return first(() -> pages(b -> b.loadBalancerArn(Props.str(r.inputs(), "loadBalancerArn"))).stream()
                .filter(l -> l.port().equals(port)).toList());
    }

    @Override
    protected void deleteArn(String arn) {
        elb().deleteListener(b -> b.listenerArn(arn));
    }
}

package dev.infra.core.component;

import dev.infra.core.model.ServiceDef;
import dev.infra.core.model.VpcDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/**
 * A service's ALB: its SecurityGroup (listener ports open to the internet), the tasks' ingress from it, the
 * LoadBalancer in the public subnets, the TargetGroup with the spec's health check (deregistration delay 30 s), a
 * Listener per {@code listen} entry, and a ListenerRule per path rule (when rules exist, listeners answer 404 to
 * other paths).
 */
final class LoadBalancerParts {
    private final ServiceDef s;
    private final Emitter out;
    private final Expansion ctx;
    private final VpcDef vpc;
    private final List<String> listeners = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();

    LoadBalancerParts(ServiceDef s, Emitter out, Expansion ctx, VpcDef vpc) {
        this.s = s;
        this.out = out;
        this.ctx = ctx;
        this.vpc = vpc;
    }

    void expand(String taskSecurityGroup) {
        ServiceDef.LoadBalancer lb = s.loadBalancer();
        List<Object> ingress = new ArrayList<>();
        lb.listen().forEach(l -> ingress.add(map("protocol", "tcp", "fromPort", l.port(), "toPort", l.port(), "cidrIp", "0.0.0.0/0")));
        String sg = out.add("lbSecurityGroup", "aws.ec2.SecurityGroup", map("vpcId", ctx.vpcId(vpc.name()),
                "name", out.name("lb"), "description", "load balancer of " + s.name(), "ingress", ingress,
                "egress", List.of(Map.of("protocol", "-1", "cidrIp", ctx.config().resources().get(vpc.name()) instanceof VpcDef v ? v.cidr() : "0.0.0.0/0"))));
        out.add("ingressFromLoadBalancer", "aws.ec2.SecurityGroupIngress", map("groupId", ref(taskSecurityGroup, "id"),
                "sourceSecurityGroupId", ref(sg, "id"), "protocol", "tcp", "fromPort", s.port(), "toPort", s.port()));
        String alb = out.add("loadBalancer", "aws.elbv2.LoadBalancer", map("name", out.name("", Naming.ALB),
                "scheme", "internet-facing", "type", "application", "subnets", ctx.subnets(vpc.name(), false),
                "securityGroups", List.of(ref(sg, "id"))));
        String tg = targetGroup("targetGroup", "");
        for (ServiceDef.Listener l : lb.listen()) {
            listeners.add(out.add("listener" + l.port(), "aws.elbv2.Listener", map("loadBalancerArn", ref(alb, "arn"),
                    "port", l.port(), "protocol", l.protocol().toUpperCase(java.util.Locale.ROOT),
                    "certificateArn", l.protocol().equals("https") && !lb.certificate().isEmpty() ? lb.certificate() : null,
                    "defaultAction", lb.rules().isEmpty() ? forward(tg) : map("type", "fixed-response", "statusCode", "404"))));
        }
        for (int i = 0; i < lb.rules().size(); i++) {
            rules.add(out.add("rule" + (i + 1), "aws.elbv2.ListenerRule", map("listenerArn", ref(listeners.get(0), "arn"),
                    "priority", i + 1, "pathPatterns", List.of(lb.rules().get(i).path()), "action", forward(tg))));
        }
    }

    String targetGroup(String local, String suffix) {
        ServiceDef.Health h = s.loadBalancer().health();
        return out.add(local, "aws.elbv2.TargetGroup", map("name", out.name(suffix, Naming.TARGET_GROUP),
                "port", s.port(), "protocol", "HTTP", "targetType", "ip", "vpcId", ctx.vpcId(vpc.name()),
                "deregistrationDelaySeconds", 30,
                "healthCheck", map("path", h.path(), "intervalSeconds", h.interval().toSeconds(),
                        "timeoutSeconds", h.timeout().toSeconds(), "healthyThreshold", h.healthy(),
                        "unhealthyThreshold", h.unhealthy(), "matcher", "200-399")));
    }

    static Map<String, Object> forward(String targetGroup) {
        return map("type", "forward", "targetGroupArn", ref(targetGroup, "arn"));
    }

    List<String> listenerAddresses() {
        return listeners;
    }

    /**
     * What attaches the target group to the load balancer (the listeners, and the path rules when the listener
     * itself answers 404): ECS refuses a service whose target group has no load balancer yet, so the service waits
     * for all of them.
     */
    List<String> attachments() {
        List<String> all = new ArrayList<>(listeners);
        all.addAll(rules);
        return all;
    }
}

package dev.infra.providers.ecs;

import dev.infra.core.status.ServiceStatus;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The targets of a service's target groups and their health as ELB reports it, with its reason for each one that is
 * not healthy. DescribeTargetHealth takes one target group, so this is one call per target group.
 */
final class TargetHealths {
    private final Aws aws;

    TargetHealths(Aws aws) {
        this.aws = aws;
    }

    /** @param needTargets whether a target group without targets is a problem (a service that should run tasks) */
    List<ServiceStatus.Target> of(Map<String, Object> serviceInputs, boolean needTargets, List<String> problems) {
        List<ServiceStatus.Target> out = new ArrayList<>();
        for (Map<String, Object> lb : Props.maps(serviceInputs, "loadBalancers")) {
            String tg = Props.str(lb, "targetGroupArn");
            List<TargetHealthDescription> found = aws.call(() -> aws.client(ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder)
                    .describeTargetHealth(b -> b.targetGroupArn(tg))).targetHealthDescriptions();
            if (found.isEmpty() && needTargets) problems.add("no targets registered in target group " + tg.substring(tg.lastIndexOf(':') + 1));
            for (TargetHealthDescription d : found) {
                var h = d.targetHealth();
                ServiceStatus.Target t = new ServiceStatus.Target(d.target().id(), d.target().port() == null ? 0 : d.target().port(),
                        h.stateAsString(), h.reason() == null ? "" : h.reasonAsString(), h.description() == null ? "" : h.description());
                out.add(t);
                if (!t.healthy()) problems.add("target " + t.id() + ":" + t.port() + " " + t.state()
                        + (t.reason().isEmpty() ? "" : ": " + t.reason()) + (t.description().isEmpty() ? "" : " (" + t.description() + ")"));
            }
        }
        return out;
    }
}

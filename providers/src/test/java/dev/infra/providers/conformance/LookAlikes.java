package dev.infra.providers.conformance;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;

import java.util.Map;
import java.util.TreeMap;

/**
 * Look-alikes of a subject, for the listing step: resources of the same type beside it in the same account, made by
 * the same provider for another stage or with no tags. By default a look-alike has the subject's inputs with its name
 * (the schema's name key) changed; where AWS allows only one such object per parent or value (an internet gateway per
 * VPC, a subnet per CIDR block, a listener per port), {@link #TABLE} says what else changes.
 */
final class LookAlikes {
    /** The inputs of a look-alike; {@code mark} (3 letters) tells the look-alikes apart. */
    interface Twin {
        Map<String, Object> inputs(Map<String, Object> subject, String mark, Helpers help);
    }

    /** Types AWS cannot tag (so their providers list nothing), by why. */
    static final Map<String, String> UNTAGGABLE = Map.of(
            "aws.ec2.Route", "a route has no tags in EC2",
            "aws.ec2.RouteTableAssociation", "an association has no tags in EC2",
            "aws.ec2.SecurityGroupIngress", "its rules go with the security group, which is listed",
            "aws.wafv2.Association", "an association has no tags in WAFv2",
            "aws.appautoscaling.Policy", "a scaling policy has no tags in Application Auto Scaling");

    /** Types that find nothing after a lost create response, because creating again is a no-op that returns it, by why. */
    static final Map<String, String> IDEMPOTENT_CREATE = Map.of(
            "aws.wafv2.Association", "associating a web ACL with a load balancer it is associated with changes nothing");
    /** Taggable types whose providers do not list them, by why. */
    static final Map<String, String> NOT_LISTED = Map.of(
            "aws.codedeploy.DeploymentGroup", "the sweep deletes its application, which deletes its groups",
            "aws.elbv2.Listener", "the sweep deletes its load balancer, which deletes its listeners",
            "aws.elbv2.ListenerRule", "the sweep deletes its load balancer, which deletes its listeners and their rules");
    /** Types with no look-alike possible beside the subject, by why: the listing only shows it finds the subject. */
    static final Map<String, String> NO_TWIN = Map.of(
            "aws.appautoscaling.Target", "a scalable target is its ECS service's: another stage's request for the same service is the same target");

    /**
     * Where a name is not what sets a look-alike apart: one subnet per CIDR block, one listener per port, one rule per
     * priority; a NAT gateway needs an Elastic IP of its own (AWS refuses one already associated).
     */
    private static final Map<String, Twin> TABLE = Map.of(
            "aws.ec2.NatGateway", (in, mark, help) -> with(in, "allocationId",
                    help.make("aws.ec2.Eip", Map.of("domain", "vpc", "name", "conformance-" + mark)).outputs().get("allocationId")),
            "aws.ec2.Subnet", (in, mark, help) -> with(in, "cidrBlock", mark.equals("oth") ? "10.0.240.0/24" : "10.0.241.0/24"),
            "aws.elbv2.Listener", (in, mark, help) -> with(in, "port", mark.equals("oth") ? 8081 : 8082),
            "aws.elbv2.ListenerRule", (in, mark, help) -> with(in, "priority", mark.equals("oth") ? 90 : 91));

    private LookAlikes() { }

    static Twin of(String type) {
        Twin special = TABLE.get(type);
        return special != null ? special : (in, mark, help) -> renamed(type, in, mark, help.stage());
    }

    private static Map<String, Object> with(Map<String, Object> in, String key, Object value) {
        Map<String, Object> out = new TreeMap<>(in);
        out.put(key, value);
        return out;
    }

    /** The subject's inputs with the stage in its name swapped for {@code mark}. */
    static Map<String, Object> renamed(String type, Map<String, Object> in, String mark, String stage) {
        ResourceSchema s = ResourceTypes.find(type).orElseThrow();
        Map<String, Object> out = new TreeMap<>(in);
        if (!s.nameKey().isEmpty() && in.get(s.nameKey()) instanceof String name) out.put(s.nameKey(), name.replaceFirst(stage, mark));
        return out;
    }
}

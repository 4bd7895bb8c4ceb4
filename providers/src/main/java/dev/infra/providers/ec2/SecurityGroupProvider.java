package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Arns;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * aws.ec2.SecurityGroup with its CIDR rules: created, then the live ingress and egress rules are brought to the
 * inputs (AWS's default allow-all egress is revoked unless asked for). Updates do the same in place.
 */
final class SecurityGroupProvider extends TaggedEc2Provider<SecurityGroup> {
    SecurityGroupProvider(Aws aws) {
        super(aws, "group-id", ResourceType.SECURITY_GROUP);
    }

    @Override
    public String type() {
        return Ec2Providers.SECURITY_GROUP.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String id = aws.once(() -> ec2().createSecurityGroup(b -> b.vpcId(Props.str(in, "vpcId")).groupName(Props.str(in, "name"))
                .description(Props.str(in, "description")).tagSpecifications(tagSpec(r)))).groupId();
        return finish(aws.poller().await("new security group " + id + " to be listed", Duration.ofMinutes(5), r.waits(), () -> super.one(id)), r);
    }

    private static final String THERE = "InvalidPermission.Duplicate";
    private static final String GONE = "InvalidPermission.NotFound";

    @Override
    protected Applied finish(SecurityGroup g, ResourceRequest r) {
        sync(g, r);
        return new Applied(g.groupId(), outputs(g));
    }

    private void sync(SecurityGroup g, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String id = g.groupId();
        List<IpPermission> addIn = missing(Props.maps(in, "ingress"), CidrRules.of(g.ipPermissions()));
        List<IpPermission> dropIn = missing(CidrRules.of(g.ipPermissions()), Props.maps(in, "ingress"));
        List<IpPermission> addOut = missing(Props.maps(in, "egress"), CidrRules.of(g.ipPermissionsEgress()));
        List<IpPermission> dropOut = missing(CidrRules.of(g.ipPermissionsEgress()), Props.maps(in, "egress"));
        String what = "security group " + id;
        for (IpPermission p : dropIn) change(what, r, () -> ec2().revokeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(p)), GONE);
        for (IpPermission p : dropOut) change(what, r, () -> ec2().revokeSecurityGroupEgress(b -> b.groupId(id).ipPermissions(p)), GONE);
        for (IpPermission p : addIn) change(what, r, () -> ec2().authorizeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(p)), THERE);
        for (IpPermission p : addOut) change(what, r, () -> ec2().authorizeSecurityGroupEgress(b -> b.groupId(id).ipPermissions(p)), THERE);
    }

    /**
     * One rule's change toward what is asked, one rule per call. AWS rejects a whole call when any one of its rules is
     * already there (or already gone), so {@code alreadyDone} proves that only of a call with one rule: after another
     * writer's change the read missed, or when the call is made again after its answer was lost. A call of several
     * rules would leave the others undone and report success.
     */
    private void change(String what, ResourceRequest r, Runnable call, String alreadyDone) {
        try {
            aws.settleRun(what, r.waits(), call, NewIds.NOT_VISIBLE);
        } catch (RuntimeException e) {
            if (!AwsErrors.code(e).equals(alreadyDone)) throw e;
        }
    }

    /** Rules of {@code wanted} that {@code present} lacks, as permissions. */
    private static List<IpPermission> missing(List<Map<String, Object>> wanted, List<Map<String, Object>> present) {
        List<Map<String, Object>> have = present.stream().map(CidrRules::normal).toList();
        List<IpPermission> out = new ArrayList<>();
        for (Map<String, Object> w : wanted) {
            Map<String, Object> n = CidrRules.normal(w);
            if (!have.contains(n)) out.add(CidrRules.permission(n));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        SecurityGroup g = super.one(current.physicalId())
                .orElseThrow(() -> new IllegalStateException("security group " + current.physicalId() + " is gone"));
        sync(g, r);
        retag(g.groupId(), r);
        return new Applied(g.groupId(), outputs(g));
    }

    @Override
    protected List<SecurityGroup> describe(List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2().describeSecurityGroups(b -> b.filters(filters).nextToken(t)),
                DescribeSecurityGroupsResponse::nextToken, DescribeSecurityGroupsResponse::securityGroups);
    }

    @Override
    protected String id(SecurityGroup g) {
        return g.groupId();
    }

    @Override
    protected List<Tag> tags(SecurityGroup g) {
        return g.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(SecurityGroup g, ResourceHandle h) {
        return Map.of("vpcId", g.vpcId(), "name", g.groupName(), "description", g.description(),
                "ingress", CidrRules.inRecordedOrder(CidrRules.of(g.ipPermissions()), Props.maps(h.inputs(), "ingress")),
                "egress", CidrRules.inRecordedOrder(CidrRules.of(g.ipPermissionsEgress()), Props.maps(h.inputs(), "egress")));
    }

    @Override
    protected java.util.Set<String> references(SecurityGroup g) {
        return g.vpcId() == null ? java.util.Set.of() : java.util.Set.of(g.vpcId());
    }

    @Override
    protected Map<String, Object> outputs(SecurityGroup g) {
        return Map.of("id", g.groupId(), "arn", Arns.of(aws, "ec2", g.ownerId(), "security-group/" + g.groupId()));
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        ec2().deleteSecurityGroup(b -> b.groupId(id));
    }
}

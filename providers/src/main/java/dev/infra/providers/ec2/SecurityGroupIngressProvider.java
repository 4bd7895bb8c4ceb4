package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.List;
import java.util.Map;

/**
 * aws.ec2.SecurityGroupIngress: one ingress rule from another group (the tasks' port from their load balancer), a
 * tagged security group rule of its own, so that it is created, read and revoked apart from the group.
 */
final class SecurityGroupIngressProvider extends TaggedEc2Provider<SecurityGroupRule> {
    SecurityGroupIngressProvider(Aws aws) {
        super(aws, "security-group-rule-id", ResourceType.SECURITY_GROUP_RULE);
    }

    @Override
    public String type() {
        return Ec2Providers.SECURITY_GROUP_INGRESS.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        IpPermission p = IpPermission.builder().ipProtocol(Props.str(in, "protocol")).fromPort(Props.integer(in, "fromPort"))
                .toPort(Props.integer(in, "toPort"))
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(Props.str(in, "sourceSecurityGroupId")).build()).build();
        SecurityGroupRule rule = aws.settleOnce("security group " + Props.str(in, "groupId"), r.waits(), () -> ec2().authorizeSecurityGroupIngress(b -> b
                .groupId(Props.str(in, "groupId")).ipPermissions(p).tagSpecifications(tagSpec(r))), NewIds.NOT_VISIBLE).securityGroupRules().get(0);
        return finish(rule, r);
    }

    @Override
    protected Applied finish(SecurityGroupRule rule, ResourceRequest r) {
        return new Applied(rule.securityGroupRuleId(), outputs(rule));
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        return new Applied(current.physicalId(), current.outputs());
    }

    @Override
    protected List<SecurityGroupRule> describe(List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2().describeSecurityGroupRules(b -> b.filters(filters).nextToken(t)),
                DescribeSecurityGroupRulesResponse::nextToken, DescribeSecurityGroupRulesResponse::securityGroupRules);
    }

    @Override
    protected String id(SecurityGroupRule rule) {
        return rule.securityGroupRuleId();
    }

    @Override
    protected List<Tag> tags(SecurityGroupRule rule) {
        return rule.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(SecurityGroupRule rule, ResourceHandle h) {
        String source = rule.referencedGroupInfo() == null ? "" : rule.referencedGroupInfo().groupId();
        return Map.of("groupId", rule.groupId(), "sourceSecurityGroupId", source, "protocol", rule.ipProtocol(),
                "fromPort", rule.fromPort(), "toPort", rule.toPort());
    }

    @Override
    protected java.util.Set<String> references(SecurityGroupRule rule) {
        java.util.Set<String> refs = new java.util.HashSet<>();
        refs.add(rule.groupId());
        if (rule.referencedGroupInfo() != null) refs.add(rule.referencedGroupInfo().groupId());
        return refs;
    }

    @Override
    protected Map<String, Object> outputs(SecurityGroupRule rule) {
        return Map.of("id", rule.securityGroupRuleId());
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        for (SecurityGroupRule rule : one(id).stream().toList())
            ec2().revokeSecurityGroupIngress(b -> b.groupId(rule.groupId()).securityGroupRuleIds(id));
    }
}

package dev.infra.providers.iam;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.BroadRead;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the stage's roles for drift. One GetAccountAuthorizationDetails(Filter=Role) reads them all when the caller may;
 * least-privilege CI roles often may not (it reads every role and policy of the account) and some emulators do not
 * support it, so when it is denied or unsupported only the stage's own roles are read, each with GetRole,
 * ListRolePolicies + GetRolePolicy and ListAttachedRolePolicies (GetInstanceProfile when one is recorded). The choice is
 * noted once per run on stderr, not as an error, and kept for the rest of the run.
 */
final class RoleReads {
    private final Aws aws;
    private final BroadRead accountWide;

    RoleReads(Aws aws) {
        this.aws = aws;
        this.accountWide = new BroadRead(aws, "iam:GetAccountAuthorizationDetails", "the stage's roles one by one");
    }

    private IamClient iam() {
        return aws.client(IamClient.class, IamClient::builder);
    }

    /** The live details of the roles of {@code handles} (all under {@code path}), by role name; absent ones are gone. */
    Map<String, RoleDetail> read(String path, List<ResourceHandle> handles) {
        return accountWide.read(() -> all(path), () -> {
            Map<String, RoleDetail> out = new HashMap<>();
            for (ResourceHandle h : handles) one(h).ifPresent(d -> out.put(d.roleName(), d));
            return out;
        });
    }

    private Map<String, RoleDetail> all(String path) {
        Map<String, RoleDetail> byName = new HashMap<>();
        for (RoleDetail d : Pages.all(aws.retry(),
                m -> iam().getAccountAuthorizationDetails(b -> b.filter(EntityType.ROLE).maxItems(1000).marker(m)),
                p -> Boolean.TRUE.equals(p.isTruncated()) ? p.marker() : null, GetAccountAuthorizationDetailsResponse::roleDetailList)) {
            if (path.equals(d.path())) byName.put(d.roleName(), d);
        }
        return byName;
    }

    private Optional<RoleDetail> one(ResourceHandle h) {
        String name = h.physicalId();
        Role role;
        try {
            role = aws.call(() -> iam().getRole(b -> b.roleName(name))).role();
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return Optional.empty();
            throw e;
        }
        List<PolicyDetail> inline = aws.call(() -> iam().listRolePolicies(b -> b.roleName(name))).policyNames().stream()
                .filter(RolePolicies.INLINE::equals)
                .map(p -> PolicyDetail.builder().policyName(p).policyDocument(aws.call(() -> iam().getRolePolicy(b -> b.roleName(name).policyName(p))).policyDocument()).build())
                .toList();
        List<AttachedPolicy> attached = Pages.all(aws.retry(), m -> iam().listAttachedRolePolicies(b -> b.roleName(name).marker(m)),
                p -> Boolean.TRUE.equals(p.isTruncated()) ? p.marker() : null, ListAttachedRolePoliciesResponse::attachedPolicies);
        return Optional.of(RoleDetail.builder().roleName(role.roleName()).path(role.path()).arn(role.arn()).roleId(role.roleId())
                .assumeRolePolicyDocument(role.assumeRolePolicyDocument()).rolePolicyList(inline).attachedManagedPolicies(attached)
                .instanceProfileList(profiles(name, h)).build());
    }

    private List<InstanceProfile> profiles(String name, ResourceHandle h) {
        if (!Props.bool(h.inputs(), "createInstanceProfile")) return List.of();
        try {
            return List.of(aws.call(() -> iam().getInstanceProfile(b -> b.instanceProfileName(name))).instanceProfile());
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return List.of();
            throw e;
        }
    }
}

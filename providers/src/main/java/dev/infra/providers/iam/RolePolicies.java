package dev.infra.providers.iam;

import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Json;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Brings a role's trust, managed policies, inline policy and instance profile to what the inputs say; removes them before a delete. */
final class RolePolicies {
    static final String INLINE = "infra";
    private final Aws aws;

    RolePolicies(Aws aws) {
        this.aws = aws;
    }

    private IamClient iam() {
        return aws.client(IamClient.class, IamClient::builder);
    }

    static String trust(String service) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                "Principal", Map.of("Service", service), "Action", "sts:AssumeRole"))));
    }

    void sync(String role, Map<String, Object> in) {
        Set<String> want = new HashSet<>(Props.strings(in, "managedPolicyArns"));
        Set<String> have = new HashSet<>(attached(role));
        for (String arn : want) if (!have.contains(arn)) aws.run(() -> iam().attachRolePolicy(b -> b.roleName(role).policyArn(arn)));
        for (String arn : have) if (!want.contains(arn)) aws.run(() -> iam().detachRolePolicy(b -> b.roleName(role).policyArn(arn)));
        Map<String, Object> doc = Props.map(in, "inlinePolicy");
        if (!doc.isEmpty()) aws.run(() -> iam().putRolePolicy(b -> b.roleName(role).policyName(INLINE).policyDocument(Json.write(doc))));
        else if (inlineNames(role).contains(INLINE)) aws.run(() -> iam().deleteRolePolicy(b -> b.roleName(role).policyName(INLINE)));
    }

    private List<String> attached(String role) {
        return aws.call(() -> iam().listAttachedRolePolicies(b -> b.roleName(role))).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).toList();
    }

    private List<String> inlineNames(String role) {
        return aws.call(() -> iam().listRolePolicies(b -> b.roleName(role))).policyNames();
    }

    /** The role's instance profile (same name), created and joined if missing; returns its ARN. */
    String instanceProfile(String role, String path) {
        InstanceProfile p = profile(role).orElseGet(() -> createProfile(role, path));
        if (p.roles().isEmpty()) join(role);
        return p.arn();
    }

    private java.util.Optional<InstanceProfile> profile(String role) {
        try {
            return java.util.Optional.of(aws.call(() -> iam().getInstanceProfile(b -> b.instanceProfileName(role))).instanceProfile());
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) throw e;
            return java.util.Optional.empty();
        }
    }

    /** Made again after its answer was lost, IAM says it exists: the profile of that first attempt. */
    private InstanceProfile createProfile(String role, String path) {
        try {
            return aws.call(() -> iam().createInstanceProfile(b -> b.instanceProfileName(role).path(path))).instanceProfile();
        } catch (RuntimeException e) {
            if (!AwsErrors.isAlreadyExists(e)) throw e;
            return profile(role).orElseThrow(() -> e);
        }
    }

    /** Made again after its answer was lost, IAM says the profile is full: done, if the role is the one in it. */
    private void join(String role) {
        try {
            aws.run(() -> iam().addRoleToInstanceProfile(b -> b.instanceProfileName(role).roleName(role)));
        } catch (RuntimeException e) {
            boolean joined = AwsErrors.code(e).equals("LimitExceeded")
                    && profile(role).stream().flatMap(p -> p.roles().stream()).anyMatch(r -> r.roleName().equals(role));
            if (!joined) throw e;
        }
    }

    /** Detaches and deletes everything that would make DeleteRole fail with DeleteConflict. */
    void removeAll(String role) {
        try {
            InstanceProfile p = aws.call(() -> iam().getInstanceProfile(b -> b.instanceProfileName(role))).instanceProfile();
            if (!p.roles().isEmpty()) aws.ignoringNotFound(() -> iam().removeRoleFromInstanceProfile(b -> b.instanceProfileName(role).roleName(role)));
            aws.ignoringNotFound(() -> iam().deleteInstanceProfile(b -> b.instanceProfileName(role)));
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) throw e;
        }
        try {
            for (String arn : attached(role)) aws.ignoringNotFound(() -> iam().detachRolePolicy(b -> b.roleName(role).policyArn(arn)));
            for (String name : inlineNames(role)) aws.ignoringNotFound(() -> iam().deleteRolePolicy(b -> b.roleName(role).policyName(name)));
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) throw e;
        }
    }
}

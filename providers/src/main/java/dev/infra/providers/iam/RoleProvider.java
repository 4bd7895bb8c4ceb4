package dev.infra.providers.iam;

import dev.infra.core.component.Naming;
import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.iam.Role: a role under the path {@code /infra/APP/STAGE/} (so one ListRoles reads every role of a stage),
 * trusted by one service, with its managed policies, its inline policy "infra" and, when asked, an instance profile
 * of the same name. Policies are brought to the inputs on create, adoption and update ({@link RolePolicies}). A read
 * is one (paged) GetAccountAuthorizationDetails for roles, kept to the stage's path: it carries the trust, managed and
 * inline policies of every role at once, so hand-made policy changes show as drift ({@link LiveRoles}).
 */
final class RoleProvider implements ResourceProvider {
    private final Aws aws;
    private final RolePolicies policies;
    private final RoleReads reads;

    RoleProvider(Aws aws) {
        this.aws = aws;
        this.policies = new RolePolicies(aws);
        this.reads = new RoleReads(aws);
    }

    private IamClient iam() {
        return aws.client(IamClient.class, IamClient::builder);
    }

    static String path(StageContext s) {
        return Naming.stagePath(s.app(), s.stage());
    }

    @Override
    public String type() {
        return IamProviders.ROLE.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        List<Tag> tags = new ArrayList<>();
        r.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        try {
            Role role = aws.call(() -> iam().createRole(b -> b.roleName(Props.str(r.inputs(), "name")).path(path(r.stage()))
                    .assumeRolePolicyDocument(RolePolicies.trust(Props.str(r.inputs(), "assumeRoleService"))).tags(tags))).role();
            return finish(role, r);
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    private Applied finish(Role role, ResourceRequest r) {
        policies.sync(role.roleName(), r.inputs());
        String profile = Props.bool(r.inputs(), "createInstanceProfile") ? policies.instanceProfile(role.roleName(), path(r.stage())) : "";
        return new Applied(role.roleName(), Map.of("arn", role.arn(), "name", role.roleName(), "instanceProfileArn", profile));
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        try {
            Role role = aws.call(() -> iam().getRole(b -> b.roleName(Props.str(r.inputs(), "name")))).role();
            Map<String, String> tags = new HashMap<>();
            role.tags().forEach(t -> tags.put(t.key(), t.value()));
            return Owned.byRequest(tags, r) ? Optional.of(finish(role, r)) : Optional.empty();
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return Optional.empty();
            throw e;
        }
    }

    private List<Role> stageRoles(StageContext s) {
        return Pages.all(aws.retry(), m -> iam().listRoles(b -> b.pathPrefix(path(s)).marker(m)),
                p -> Boolean.TRUE.equals(p.isTruncated()) ? p.marker() : null, ListRolesResponse::roles);
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        if (handles.isEmpty()) return out;
        Map<String, RoleDetail> byName = reads.read(path(handles.get(0).stage()), handles);
        for (ResourceHandle h : handles) {
            RoleDetail role = byName.get(h.physicalId());
            if (role != null) out.put(h.address(), new Observed(role.roleName(), LiveRoles.inputs(role, h.inputs()), outputs(role, h)));
        }
        return out;
    }

    private static Map<String, Object> outputs(RoleDetail role, ResourceHandle h) {
        Map<String, Object> out = new HashMap<>(h.outputs());
        out.put("arn", role.arn());
        out.put("name", role.roleName());
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        String name = current.physicalId();
        aws.run(() -> iam().updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(RolePolicies.trust(Props.str(r.inputs(), "assumeRoleService")))));
        policies.sync(name, r.inputs());
        String profile = Props.bool(r.inputs(), "createInstanceProfile") ? policies.instanceProfile(name, path(r.stage())) : "";
        Map<String, Object> outputs = new HashMap<>(current.outputs());
        outputs.put("instanceProfileArn", profile);
        return new Applied(name, outputs);
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        String name = h.physicalId();
        policies.removeAll(name);
        aws.ignoringNotFound(() -> iam().deleteRole(b -> b.roleName(name)));
    }

    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Found> out = new ArrayList<>();
        for (Role role : stageRoles(stage)) {
            List<Tag> tags = aws.call(() -> iam().listRoleTags(b -> b.roleName(role.roleName()))).tags();
            Map<String, String> m = new java.util.HashMap<>();
            tags.forEach(t -> m.put(t.key(), t.value()));
            out.add(new Found(type(), role.roleName(), m, Map.of("arn", role.arn())));
        }
        return out;
    }
}

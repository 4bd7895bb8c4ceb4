package dev.infra.providers.codedeploy;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.codedeploy.DeploymentGroup: ECS blue/green with traffic control between the service's two target groups
 * ({@link GroupSettings}). Physical id {@code application/group}. Everything but the names changes in place. A read is
 * one GetDeploymentGroup per group. The sweep finds none on its own: deleting the application deletes its groups.
 */
final class DeploymentGroupProvider implements ResourceProvider {
    private final CodeDeploy cd;

    DeploymentGroupProvider(CodeDeploy cd) {
        this.cd = cd;
    }

    @Override
    public String type() {
        return CodeDeployProviders.DEPLOYMENT_GROUP.type();
    }

    /** A service role made moments ago, not yet assumable by CodeDeploy (any InvalidRoleException: a real one fails in 2 min). */
    private static final Transient NEW_ROLE = Transient.propagation("CodeDeploy cannot assume role %s yet", Transient.IAM_PROPAGATION, "InvalidRoleException");

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        GroupSettings s = GroupSettings.of(in);
        String app = Props.str(in, "applicationName");
        String name = Props.str(in, "deploymentGroupName");
        try {
            String id = cd.aws().settle(s.serviceRoleArn(), r.waits(), () -> cd.client().createDeploymentGroup(b -> b.applicationName(app).deploymentGroupName(name)
                    .deploymentConfigName(s.deploymentConfigName()).serviceRoleArn(s.serviceRoleArn())
                    .autoRollbackConfiguration(s.autoRollback()).deploymentStyle(s.style()).blueGreenDeploymentConfiguration(s.blueGreen())
                    .loadBalancerInfo(s.loadBalancer()).ecsServices(s.ecsService()).tags(CodeDeploy.tags(r.tags()))), NEW_ROLE).deploymentGroupId();
            return applied(app, name, id);
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    private static Applied applied(String app, String name, String id) {
        return new Applied(app + "/" + name, Map.of("id", id, "name", name));
    }

    private Optional<DeploymentGroupInfo> one(String app, String name) {
        try {
            return Optional.of(cd.aws().call(() -> cd.client().getDeploymentGroup(b -> b.applicationName(app).deploymentGroupName(name)))
                    .deploymentGroupInfo());
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String app = Props.str(r.inputs(), "applicationName");
        String name = Props.str(r.inputs(), "deploymentGroupName");
        return one(app, name).filter(g -> Owned.byRequest(cd.tagsOf("deploymentgroup:" + app + "/" + name), r))
                .map(g -> applied(app, name, g.deploymentGroupId()));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        for (ResourceHandle h : handles) {
            String[] id = h.physicalId().split("/", 2);
            one(id[0], id[1]).ifPresent(g -> out.put(h.address(), new Observed(h.physicalId(), GroupSettings.live(g, h.inputs()),
                    applied(id[0], id[1], g.deploymentGroupId()).outputs())));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        GroupSettings s = GroupSettings.of(r.inputs());
        String[] id = current.physicalId().split("/", 2);
        cd.aws().settleRun(s.serviceRoleArn(), r.waits(), () -> cd.client().updateDeploymentGroup(b -> b.applicationName(id[0]).currentDeploymentGroupName(id[1])
                .deploymentConfigName(s.deploymentConfigName()).serviceRoleArn(s.serviceRoleArn())
                .autoRollbackConfiguration(s.autoRollback()).deploymentStyle(s.style()).blueGreenDeploymentConfiguration(s.blueGreen())
                .loadBalancerInfo(s.loadBalancer()).ecsServices(s.ecsService())), NEW_ROLE);
        return new Applied(current.physicalId(), current.outputs());
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        String[] id = h.physicalId().split("/", 2);
        cd.aws().ignoringNotFound(() -> cd.client().deleteDeploymentGroup(b -> b.applicationName(id[0]).deploymentGroupName(id[1])));
    }

    @Override
    public List<Found> findTagged(StageContext stage) {
        return List.of();
    }
}

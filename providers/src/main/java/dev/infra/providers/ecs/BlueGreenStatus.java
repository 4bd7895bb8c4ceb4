package dev.infra.providers.ecs;

import dev.infra.core.status.ServiceStatus;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

import java.util.List;
import java.util.Map;

/**
 * The CodeDeploy deployment in progress of a blue/green service, and where its traffic is: one ListDeployments of
 * the active statuses, and a GetDeployment of each (CodeDeploy allows one). A deployment whose traffic has shifted
 * and that only keeps the old tasks for the termination wait is steady; one still starting its new tasks is not.
 */
final class BlueGreenStatus {
    private static final List<DeploymentStatus> ACTIVE = List.of(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
            DeploymentStatus.IN_PROGRESS, DeploymentStatus.READY, DeploymentStatus.BAKING);
    private final Aws aws;

    BlueGreenStatus(Aws aws) {
        this.aws = aws;
    }

    private CodeDeployClient codedeploy() {
        return aws.client(CodeDeployClient.class, CodeDeployClient::builder);
    }

    /** The active deployment, or a completed rollout when none is active. */
    ServiceStatus.Rollout rollout(Map<String, Object> serviceInputs, List<String> problems) {
        Map<String, Object> group = Props.map(serviceInputs, "codeDeploy");
        List<String> ids = aws.call(() -> codedeploy().listDeployments(b -> b.applicationName(Props.str(group, "applicationName"))
                .deploymentGroupName(Props.str(group, "deploymentGroupName")).includeOnlyStatuses(ACTIVE))).deployments();
        if (ids.isEmpty()) return new ServiceStatus.Rollout("blue-green", "NONE", "no deployment in progress; traffic on the running tasks");
        DeploymentInfo d = aws.call(() -> codedeploy().getDeployment(b -> b.deploymentId(ids.get(0)))).deploymentInfo();
        boolean shifted = Boolean.TRUE.equals(d.instanceTerminationWaitTimeStarted());
        String progress = shifted ? "traffic shifted to the new tasks; the old ones are kept until " + d.completeTime()
                : "new tasks starting; traffic still on the old ones";
        if (!shifted) problems.add("blue/green deployment " + d.deploymentId() + " " + d.statusAsString() + ": " + progress);
        return new ServiceStatus.Rollout("blue-green", d.deploymentId() + " " + d.statusAsString(), progress);
    }
}

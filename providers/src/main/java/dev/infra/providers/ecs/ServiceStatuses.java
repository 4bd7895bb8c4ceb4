package dev.infra.providers.ecs;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.status.LiveStatus;
import dev.infra.core.status.ServiceStatus;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code infra status} of services: one DescribeServices per cluster and ten services; per service, the health of its
 * target group's targets ({@link TargetHealths}), its CodeDeploy deployment in progress when blue/green
 * ({@link BlueGreenStatus}), the images of the revision it runs (one DescribeTaskDefinition per revision), and,
 * only when it is not steady, why its tasks of the new revision stopped.
 */
final class ServiceStatuses {
    private final Aws aws;
    private final ServiceProvider services;
    private final TargetHealths targets;
    private final BlueGreenStatus blueGreen;
    private final Map<String, TaskDefinition> revisions = new HashMap<>();

    ServiceStatuses(Aws aws, ServiceProvider services) {
        this.aws = aws;
        this.services = services;
        this.targets = new TargetHealths(aws);
        this.blueGreen = new BlueGreenStatus(aws);
    }

    Map<String, LiveStatus> read(List<ResourceHandle> handles) {
        Map<String, List<ResourceHandle>> byCluster = new HashMap<>();
        handles.forEach(h -> byCluster.computeIfAbsent(Props.str(h.inputs(), "cluster"), c -> new ArrayList<>()).add(h));
        Map<String, LiveStatus> out = new HashMap<>();
        byCluster.forEach((cluster, hs) -> {
            Map<String, Service> live = new HashMap<>();
            services.describe(cluster, hs.stream().map(ResourceHandle::physicalId).toList()).forEach(s -> live.put(s.serviceArn(), s));
            for (ResourceHandle h : hs) {
                Service s = live.get(h.physicalId());
                out.put(h.address(), s == null ? missing(h) : status(h, s));
            }
        });
        return out;
    }

    private static ServiceStatus missing(ResourceHandle h) {
        return new ServiceStatus(h.address(), Props.str(h.inputs(), "serviceName"), 0, 0, 0, null, List.of(), "", List.of(), List.of(),
                List.of(), List.of("the service is not in ECS (deleted outside infra?); run 'infra refresh'"));
    }

    private ServiceStatus status(ResourceHandle h, Service s) {
        List<String> problems = new ArrayList<>();
        Deployment primary = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().orElse(null);
        ServiceStatus.Rollout rollout = BlueGreenRollouts.controls(h.inputs()) ? blueGreen.rollout(h.inputs(), problems) : rolling(primary, problems);
        if (s.runningCount() < s.desiredCount()) problems.add(s.runningCount() + " of " + s.desiredCount() + " tasks running");
        if (s.pendingCount() > 0) problems.add(s.pendingCount() + " tasks pending");
        List<ServiceStatus.Target> health = targets.of(h.inputs(), s.desiredCount() > 0 && !BlueGreenRollouts.controls(h.inputs()), problems);
        TaskDefinition td = revision(s.taskDefinition());
        List<String> images = td == null ? List.of() : td.containerDefinitions().stream().map(c -> c.image()).toList();
        List<String> events = s.events().stream().limit(3).map(ServiceEvent::message).toList();
        List<String> stopped = problems.isEmpty() ? List.of()
                : new StoppedTasks(aws).reasons(s.clusterArn(), s.serviceName(), primary == null ? s.taskDefinition() : primary.taskDefinition());
        if (!stopped.isEmpty() && s.runningCount() < s.desiredCount()) problems.add("tasks stop: " + String.join(" | ", stopped));
        return new ServiceStatus(h.address(), s.serviceName(), s.desiredCount(), s.runningCount(), s.pendingCount(), rollout, health,
                td == null ? s.taskDefinition().substring(s.taskDefinition().lastIndexOf('/') + 1) : td.family() + ":" + td.revision(),
                images, events, stopped, problems);
    }

    private static ServiceStatus.Rollout rolling(Deployment primary, List<String> problems) {
        if (primary == null || primary.rolloutState() == null) return null;
        int desired = primary.desiredCount() == null ? 0 : primary.desiredCount();
        int running = primary.runningCount() == null ? 0 : primary.runningCount();
        String progress = desired == 0 ? "no tasks desired" : (100 * running / desired) + "% (" + running + " of " + desired + " tasks on the new revision)";
        DeploymentRolloutState state = primary.rolloutState();
        if (state == DeploymentRolloutState.IN_PROGRESS) problems.add("rollout in progress: " + progress);
        if (state == DeploymentRolloutState.FAILED) problems.add("rollout failed: " + primary.rolloutStateReason());
        return new ServiceStatus.Rollout("rolling", state.toString(), progress);
    }

    /** The revision, or null when ECS no longer describes it (its images are then not shown; the status goes on). */
    private TaskDefinition revision(String arn) {
        if (revisions.containsKey(arn)) return revisions.get(arn);
        TaskDefinition td;
        try {
            td = aws.call(() -> aws.client(EcsClient.class, EcsClient::builder).describeTaskDefinition(b -> b.taskDefinition(arn))).taskDefinition();
        } catch (RuntimeException gone) {
            if (!AwsErrors.code(gone).equals("ClientException")) throw gone;
            td = null;
        }
        revisions.put(arn, td);
        return td;
    }
}

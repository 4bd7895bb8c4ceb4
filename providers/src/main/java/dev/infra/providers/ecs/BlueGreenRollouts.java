package dev.infra.providers.ecs;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Json;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes to a service whose deployments CodeDeploy controls. ECS refuses a new task definition or network on such a
 * service, so those go out as a CodeDeploy deployment (an AppSpec naming the task definition, the load-balanced
 * container and the network), awaited until traffic has shifted to the green tasks (the blue ones stay for the group's
 * termination wait); a failed deployment (rolled back by CodeDeploy) is an error with CodeDeploy's reason. A
 * deployment already under way (a deploy killed while waiting, or one whose old tasks are kept for the termination
 * wait) is finished first, since CodeDeploy refuses a second active deployment; one the look missed (CodeDeploy's
 * list lags, or another hand started it) is learnt from that refusal ({@code DeploymentLimitExceededException} names
 * it), awaited the same way (each bounded by the wait's timeout, at most {@value #MAX_AWAITED} in turn), and the
 * change then started unless the service already runs it. The same refusal makes a start whose answer was lost safe
 * to repeat (CreateDeployment takes no token): the repeat is refused while the unanswered one is active, and that one,
 * this run's own, is awaited instead of a second deployment being started.
 * The desired count and grace period still go through UpdateService.
 */
final class BlueGreenRollouts {
    private static final Duration TIMEOUT = Duration.ofMinutes(60);
    /** How many other active deployments one deploy awaits in turn before CodeDeploy's refusal is the error. */
    private static final int MAX_AWAITED = 3;
    private static final Pattern ACTIVE_ID = Pattern.compile("active Deployment '(d-[A-Z0-9]+)'");
    private static final List<DeploymentStatus> ACTIVE = List.of(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
            DeploymentStatus.IN_PROGRESS, DeploymentStatus.READY, DeploymentStatus.BAKING);
    private final Aws aws;

    BlueGreenRollouts(Aws aws) {
        this.aws = aws;
    }

    static boolean controls(Map<String, Object> in) {
        return "CODE_DEPLOY".equals(Props.str(in, "deploymentController", "ECS"));
    }

    private CodeDeployClient codedeploy() {
        return aws.client(CodeDeployClient.class, CodeDeployClient::builder);
    }

    /** Applies the change; returns the service as it then is. */
    Service update(ResourceHandle current, ResourceRequest r, ServiceProvider services) {
        Map<String, Object> in = r.inputs();
        String cluster = Props.str(in, "cluster");
        Integer count = Props.integer(in, "desiredCount");
        Integer grace = Props.integer(in, "healthCheckGracePeriodSeconds");
        boolean countChanged = !Objects.equals(Props.integer(current.inputs(), "desiredCount"), count);
        if (countChanged || !Objects.equals(Props.integer(current.inputs(), "healthCheckGracePeriodSeconds"), grace)) {
            aws.run(() -> services.ecs().updateService(b -> {
                b.cluster(cluster).service(current.physicalId()).healthCheckGracePeriodSeconds(grace);
                if (countChanged) b.desiredCount(count);
            }));
        }
        Map<String, Object> group = Props.map(in, "codeDeploy");
        String app = Props.str(group, "applicationName");
        String name = Props.str(group, "deploymentGroupName");
        List<String> active = active(app, name, Props.str(current.inputs(), "serviceName"));
        for (String id : active) finish(id, current, r.waits());
        Service s = live(services, cluster, current);
        for (int waited = 0; !runs(s, in); waited++) {
            Optional<String> other = start(app, name, in, r, waited < MAX_AWAITED);
            if (other.isEmpty()) break;
            r.waits().waiting("CodeDeploy group " + app + "/" + name + " already has an active deployment " + other.get() + " (busy): awaiting it first");
            finish(other.get(), current, r.waits());
            s = live(services, cluster, current);
        }
        return live(services, cluster, current);
    }

    /**
     * Starts the deployment and awaits its traffic shift; or, when CodeDeploy answers that another deployment of the
     * group is active (one this run's look did not list yet, or one started by another hand), returns that one's ID
     * so it is awaited first, while {@code mayWait}; after that, the refusal is the error.
     */
    private Optional<String> start(String app, String name, Map<String, Object> in, ResourceRequest r, boolean mayWait) {
        String id;
        try {
            id = aws.call(() -> codedeploy().createDeployment(b -> b.applicationName(app).deploymentGroupName(name)
                    .description("infra deploy " + r.idempotencyToken())
                    .revision(v -> v.revisionType(RevisionLocationType.APP_SPEC_CONTENT).appSpecContent(c -> c.content(appSpec(in))))))
                    .deploymentId();
        } catch (RuntimeException e) {
            Matcher m = ACTIVE_ID.matcher(AwsErrors.message(e));
            if (!mayWait || !AwsErrors.code(e).equals("DeploymentLimitExceededException") || !m.find()) throw e;
            return Optional.of(m.group(1));
        }
        await(id, r.inputs(), r.waits());
        return Optional.empty();
    }

    private static Service live(ServiceProvider services, String cluster, ResourceHandle current) {
        return services.describe(cluster, List.of(current.physicalId())).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "service " + Props.str(current.inputs(), "serviceName") + " no longer exists; run infra refresh, then deploy"));
    }

    /** The group's deployments still under way; a missing group is a clear error (nothing can go out without it). */
    private List<String> active(String app, String group, String service) {
        try {
            return aws.call(() -> codedeploy().listDeployments(b -> b.applicationName(app).deploymentGroupName(group)
                    .includeOnlyStatuses(ACTIVE))).deployments();
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) throw e;
            throw new IllegalStateException("service " + service + " deploys through CodeDeploy, but its deployment group " + app + "/" + group
                    + " does not exist (an earlier deploy stopped before making it, or it was deleted): deploy once with the"
                    + " service's previous image and settings, so the group is made, then deploy the change");
        }
    }

    /** Whether the service already runs the wanted task definition in the wanted network. */
    private static boolean runs(Service s, Map<String, Object> in) {
        Map<String, Object> live = ServiceRequests.live(s);
        return Objects.equals(live.get("taskDefinition"), Props.str(in, "taskDefinition"))
                && new HashSet<>((List<?>) live.get("subnets")).equals(new HashSet<>(Props.strings(in, "subnets")))
                && new HashSet<>((List<?>) live.get("securityGroups")).equals(new HashSet<>(Props.strings(in, "securityGroups")));
    }

    static String appSpec(Map<String, Object> in) {
        Map<String, Object> network = Map.of("AwsvpcConfiguration", Map.of("Subnets", Props.strings(in, "subnets"),
                "SecurityGroups", Props.strings(in, "securityGroups"), "AssignPublicIp", Props.bool(in, "assignPublicIp") ? "ENABLED" : "DISABLED"));
        Map<String, Object> props = new java.util.LinkedHashMap<>(Map.of("TaskDefinition", Props.str(in, "taskDefinition"),
                "NetworkConfiguration", network));
        for (Map<String, Object> lb : Props.maps(in, "loadBalancers").stream().limit(1).toList())
            props.put("LoadBalancerInfo", Map.of("ContainerName", Props.str(lb, "containerName"), "ContainerPort", Props.integer(lb, "containerPort")));
        return Json.write(Map.of("version", "0.0", "Resources", List.of(Map.of("TargetService",
                Map.of("Type", "AWS::ECS::Service", "Properties", props)))));
    }

    /**
     * An earlier deployment still active: awaited until traffic shifted; if its old tasks are still kept for the
     * termination wait, they are terminated now (this deploy replaces them anyway) and its end is awaited, since
     * CodeDeploy allows one active deployment per group.
     */
    private void finish(String id, ResourceHandle service, WaitReporter waits) {
        DeploymentInfo d = await(id, service.inputs(), waits);
        if (d.status() == DeploymentStatus.SUCCEEDED) return;
        aws.run(() -> codedeploy().continueDeployment(b -> b.deploymentId(id).deploymentWaitType(DeploymentWaitType.TERMINATION_WAIT)));
        aws.poller().await("blue/green deployment " + id + " to end its termination wait", TIMEOUT, waits, () -> {
            DeploymentInfo now = aws.call(() -> codedeploy().getDeployment(b -> b.deploymentId(id))).deploymentInfo();
            return now.status() == DeploymentStatus.IN_PROGRESS ? Optional.empty() : Optional.of(now);
        });
    }

    private DeploymentInfo await(String id, Map<String, Object> service, WaitReporter waits) {
        String what = "blue/green deployment " + id + " of service " + Props.str(service, "serviceName") + " to shift traffic";
        return aws.poller().await(what, TIMEOUT, waits, () -> {
            DeploymentInfo d = aws.call(() -> codedeploy().getDeployment(b -> b.deploymentId(id))).deploymentInfo();
            if (d.status() == DeploymentStatus.FAILED || d.status() == DeploymentStatus.STOPPED)
                throw new IllegalStateException(what.replace(" to shift traffic", "") + " " + d.statusAsString().toLowerCase()
                        + (d.errorInformation() == null ? "" : ": " + d.errorInformation().message()));
            boolean shifted = d.status() == DeploymentStatus.SUCCEEDED || Boolean.TRUE.equals(d.instanceTerminationWaitTimeStarted());
            return shifted ? Optional.of(d) : Optional.empty();
        });
    }
}

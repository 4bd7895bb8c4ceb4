package dev.infra.providers.ecs;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.status.LiveStatus;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.ecs.Service on Fargate: created or updated, then awaited until its rollout completes ({@link Rollouts}); a
 * failed rollout is an error with the stopped tasks' reasons. Reads are one DescribeServices per cluster and ten
 * services. The desired count is sent on create and when the inputs change it, never otherwise, so a deploy does
 * not undo auto scaling. A service whose deployments CodeDeploy controls changes through {@link BlueGreenRollouts}. A delete scales to zero, deletes, and waits until the tasks' interfaces are released.
 */
final class ServiceProvider implements ResourceProvider {
    private static final int BATCH = 10;
    private final Aws aws;
    private final Rollouts rollouts;
    private final BlueGreenRollouts blueGreen;

    ServiceProvider(Aws aws) {
        this.aws = aws;
        this.rollouts = new Rollouts(aws);
        this.blueGreen = new BlueGreenRollouts(aws);
    }

    EcsClient ecs() {
        return aws.client(EcsClient.class, EcsClient::builder);
    }

    @Override
    public String type() {
        return EcsProviders.SERVICE.type();
    }

    /** A cluster created moments ago, not yet found by CreateService (TPA: 4 min, as for IAM cases reaching ECS). */
    static final Transient NEW_CLUSTER = Transient.propagation("ECS cannot find the new cluster of service %s yet", Duration.ofMinutes(4),
            "ClusterNotFoundException");
    /** A target group whose listener or rule was made moments ago: ECS does not see it behind a load balancer yet. */
    static final Transient NEW_LISTENER = Transient.propagation("ECS does not see the load balancer in front of service %s yet",
            Duration.ofMinutes(4), "InvalidParameterException", "does not have an associated load balancer");

    @Override
    public Applied create(ResourceRequest r) {
        CreateServiceRequest req = ServiceRequests.create(r);
        Service s;
        try {
            s = aws.settle(req.serviceName(), r.waits(), () -> ecs().createService(req), NEW_CLUSTER, NEW_LISTENER, LinkedRole.NOT_YET).service();
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("not idempotent")) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
        return finish(s, r.waits());
    }

    private Applied finish(Service s, WaitReporter waits) {
        Service steady = rollouts.await(s.clusterArn(), s.serviceName(), waits);
        return new Applied(steady.serviceArn(), outputs(steady));
    }

    private static Map<String, Object> outputs(Service s) {
        return Map.of("arn", s.serviceArn(), "name", s.serviceName());
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return describe(Props.str(r.inputs(), "cluster"), List.of(Props.str(r.inputs(), "serviceName"))).stream()
                .filter(s -> Owned.byRequest(EcsTags.map(s.tags()), r)).findFirst().map(s -> finish(s, r.waits()));
    }

    List<Service> describe(String cluster, List<String> services) {
        List<Service> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i += BATCH) {
            List<String> batch = services.subList(i, Math.min(services.size(), i + BATCH));
            out.addAll(aws.call(() -> ecs().describeServices(b -> b.cluster(cluster).services(batch).include(ServiceField.TAGS))).services());
        }
        return out.stream().filter(s -> "ACTIVE".equals(s.status())).toList();
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, List<ResourceHandle>> byCluster = new HashMap<>();
        handles.forEach(h -> byCluster.computeIfAbsent(Props.str(h.inputs(), "cluster"), c -> new ArrayList<>()).add(h));
        Map<String, Observed> out = new HashMap<>();
        byCluster.forEach((cluster, hs) -> {
            Map<String, ResourceHandle> byArn = new HashMap<>();
            hs.forEach(h -> byArn.put(h.physicalId(), h));
            for (Service s : describe(cluster, new ArrayList<>(byArn.keySet()))) {
                ResourceHandle h = byArn.get(s.serviceArn());
                if (h != null) out.put(h.address(), new Observed(s.serviceArn(), ServiceRequests.live(s), outputs(s)));
            }
        });
        return out;
    }

    /** Desired, running and pending tasks, rollout, target health, revision, images and events ({@link ServiceStatuses}). */
    @Override
    public Map<String, LiveStatus> status(List<ResourceHandle> handles) {
        return new ServiceStatuses(aws, this).read(handles);
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        if (BlueGreenRollouts.controls(r.inputs())) {
            Service s = blueGreen.update(current, r, this);
            return new Applied(s.serviceArn(), outputs(s));
        }
        UpdateServiceRequest req = ServiceRequests.update(current, r);
        Service s = aws.settle(req.service(), r.waits(), () -> ecs().updateService(req), NEW_LISTENER).service();
        return finish(s, r.waits());
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        String cluster = Props.str(h.inputs(), "cluster");
        try {
            aws.run(() -> ecs().deleteService(b -> b.cluster(cluster).service(h.physicalId()).force(true)));
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e) || AwsErrors.code(e).equals("ServiceNotActiveException")) return;
            throw e;
        }
        aws.poller().await("service " + Props.str(h.inputs(), "serviceName") + " to drain", Duration.ofMinutes(20), waits,
                () -> aws.call(() -> ecs().describeServices(b -> b.cluster(cluster).services(h.physicalId()))).services().stream()
                        .anyMatch(s -> !"INACTIVE".equals(s.status())) ? Optional.empty() : Optional.of(true));
    }

    /** For the sweep: the region's services (every cluster's, 10 per DescribeServices) whose tags name the stage. */
    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Found> out = new ArrayList<>();
        for (String cluster : ClusterProvider.stageClusters(aws, ecs(), stage)) {
            List<String> arns = Pages.all(aws.retry(), t -> ecs().listServices(b -> b.cluster(cluster).nextToken(t)),
                    ListServicesResponse::nextToken, ListServicesResponse::serviceArns);
            for (Service s : describe(cluster, arns)) {
                java.util.Set<String> refs = new java.util.HashSet<>(java.util.Set.of(cluster));
                s.loadBalancers().forEach(lb -> { if (lb.targetGroupArn() != null) refs.add(lb.targetGroupArn()); });
                out.add(new Found(type(), s.serviceArn(), EcsTags.map(s.tags()), Map.of("cluster", cluster, "serviceName", s.serviceName()),
                        outputs(s), refs));
            }
        }
        return out;
    }
}

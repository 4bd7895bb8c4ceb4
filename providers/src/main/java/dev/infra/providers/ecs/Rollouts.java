package dev.infra.providers.ecs;

import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.Aws;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Waits for a service's primary deployment to complete. While tasks fail, the wait says why (the stopped tasks'
 * reasons) as soon as they appear; a FAILED rollout (the circuit breaker) becomes an error carrying those reasons and
 * the latest service events. Launches failing because ECS cannot assume a role of the tasks are waited out for the
 * IAM propagation budget only ({@link UnassumedRoles}).
 */
final class Rollouts {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final Aws aws;

    Rollouts(Aws aws) {
        this.aws = aws;
    }

    private EcsClient ecs() {
        return aws.client(EcsClient.class, EcsClient::builder);
    }

    Service await(String cluster, String name, WaitReporter waits) {
        String what = "service " + name + " to reach a steady state";
        return aws.poller().await(what, TIMEOUT, waits, () -> {
            Service s = aws.call(() -> ecs().describeServices(b -> b.cluster(cluster).services(name))).services().get(0);
            Deployment primary = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().orElse(null);
            if (primary == null || primary.rolloutState() == null || primary.rolloutState() == DeploymentRolloutState.COMPLETED)
                return Optional.of(s);
            if (primary.rolloutState() == DeploymentRolloutState.FAILED) throw new IllegalStateException("service " + name
                    + " failed to roll out: " + primary.rolloutStateReason() + failures(cluster, name, s));
            if (UnassumedRoles.blocked(s, primary, aws.clients().clock().now(), waits)) return Optional.empty();
            if (primary.failedTasks() != null && primary.failedTasks() > 0)
                waits.waiting(what + " (" + primary.failedTasks() + " tasks failed" + failures(cluster, name, s) + ")");
            return Optional.empty();
        });
    }

    /** "; stopped tasks: ...; events: ..." from the primary revision's stopped tasks and the three latest events. */
    private String failures(String cluster, String name, Service s) {
        String revision = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().map(Deployment::taskDefinition).orElse(null);
        List<String> reasons = new StoppedTasks(aws).reasons(cluster, name, revision);
        String events = s.events().stream().limit(3).map(ServiceEvent::message).collect(Collectors.joining(" | "));
        return (reasons.isEmpty() ? "" : "; stopped tasks: " + String.join(" | ", reasons)) + (events.isEmpty() ? "" : "; events: " + events);
    }
}

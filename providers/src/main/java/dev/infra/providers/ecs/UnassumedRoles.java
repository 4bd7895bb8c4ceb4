package dev.infra.providers.ecs;

import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.Settling;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "ECS was unable to assume the role" while a rolling deployment launches its tasks: not an error of any call but a
 * service event (ECS tries the launch again about 30 s later, and its circuit breaker does not count it), typical of
 * a task execution role made moments ago and still propagating in IAM. The rollout's wait sees it in the events of its
 * deployment: while the latest launch failed so, it waits for the IAM propagation budget, counted from the first such
 * failure, and then fails with ECS's message, rather than waiting out the whole rollout timeout for a role that
 * will never do (one that does not trust ecs-tasks.amazonaws.com).
 */
final class UnassumedRoles {
    static final String FAILURE = "ECS was unable to assume the role";
    private static final Transient ROLE = Transient.propagation("ECS cannot assume a role of the tasks of service %s yet",
            Transient.IAM_PROPAGATION, "ServiceEvent", FAILURE);

    private UnassumedRoles() { }

    /** True while the deployment's latest launch failed on a role (said on {@code waits}); throws once that lasted the budget. */
    static boolean blocked(Service s, Deployment primary, Instant now, WaitReporter waits) {
        List<ServiceEvent> ours = s.events().stream()
                .filter(e -> primary.createdAt() == null || e.createdAt() == null || !e.createdAt().isBefore(primary.createdAt())).toList();
        Optional<ServiceEvent> latest = ours.stream().filter(e -> e.message().contains(FAILURE) || e.message().contains("has started")).findFirst();
        if (latest.isEmpty() || !latest.get().message().contains(FAILURE)) return false;
        Instant first = ours.stream().filter(e -> e.message().contains(FAILURE)).map(ServiceEvent::createdAt).min(Instant::compareTo).orElse(now);
        Duration waited = Duration.between(first, now);
        if (waited.compareTo(ROLE.budget()) >= 0) throw Settling.gaveUp(ROLE, s.serviceName(), latest.get().message(), null);
        waits.waiting(ROLE.describe(s.serviceName()) + ", " + waited.toSeconds() + " s");
        return true;
    }
}

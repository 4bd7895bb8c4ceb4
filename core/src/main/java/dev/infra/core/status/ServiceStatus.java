package dev.infra.core.status;

import java.util.List;

/**
 * A service as it runs now.
 *
 * @param rollout        the deployment in progress or last finished; null when there is none to report
 * @param taskDefinition the revision the service runs, e.g. {@code carbon-dev-web:3}
 * @param images         the images of that revision's containers
 * @param events         the latest service events, newest first (at most three)
 * @param stopped        why recently stopped tasks stopped, read only when the service is not steady
 */
public record ServiceStatus(String address, String name, int desired, int running, int pending, Rollout rollout,
                            List<Target> targets, String taskDefinition, List<String> images, List<String> events,
                            List<String> stopped, List<String> problems) implements LiveStatus {
    public ServiceStatus {
        targets = List.copyOf(targets);
        images = List.copyOf(images);
        events = List.copyOf(events);
        stopped = List.copyOf(stopped);
        problems = List.copyOf(problems);
    }

    /**
     * A rollout: {@code rolling} (ECS) with the share of desired tasks on the new revision, or {@code blue-green}
     * (CodeDeploy) with where the traffic is.
     */
    public record Rollout(String kind, String state, String progress) { }

    /** A load balancer target and its health as ELB reports it (reason and description empty when healthy). */
    public record Target(String id, int port, String state, String reason, String description) {
        public boolean healthy() {
            return "healthy".equals(state);
        }
    }
}

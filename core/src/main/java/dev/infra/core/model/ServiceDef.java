package dev.infra.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code type: service}: a Fargate service, optionally behind an ALB. */
public record ServiceDef(String name, String cluster, Image image, int cpu, int memory, int port,
                         LoadBalancer loadBalancer, Scaling scaling, Map<String, String> environment,
                         List<String> secrets, List<String> link, Deployment deployment) implements ResourceDef {

    public ServiceDef {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        secrets = List.copyOf(secrets);
        link = List.copyOf(link);
    }

    /** Either a prebuilt {@code uri}, or a build {@code context} + {@code dockerfile}. */
    public record Image(String uri, String context, String dockerfile) {
        public boolean isBuild() {
            return uri == null || uri.isEmpty();
        }
    }

    /** null in ServiceDef when the service has no load balancer. */
    public record LoadBalancer(List<Listener> listen, Health health, List<Rule> rules, String domain,
                               String certificate) {
        public LoadBalancer {
            listen = List.copyOf(listen);
            rules = List.copyOf(rules);
        }
    }

    public record Listener(int port, String protocol) { }

    public record Health(String path, Duration interval, Duration timeout, int healthy, int unhealthy) { }

    public record Rule(String path) { }

    /** null in ServiceDef when the service does not scale. */
    public record Scaling(int min, int max, int cpu) { }

    public record Deployment(Strategy strategy, Duration terminationWait) {
        public enum Strategy { ROLLING, BLUE_GREEN }
    }

    @Override
    public String type() {
        return "service";
    }
}

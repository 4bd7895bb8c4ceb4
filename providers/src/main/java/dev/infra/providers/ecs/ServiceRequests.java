package dev.infra.providers.ecs;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** CreateService and UpdateService requests from the inputs, and the live inputs of a described service. */
final class ServiceRequests {
    private ServiceRequests() { }

    static CreateServiceRequest create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        CreateServiceRequest.Builder b = CreateServiceRequest.builder().cluster(Props.str(in, "cluster"))
                .serviceName(Props.str(in, "serviceName")).taskDefinition(Props.str(in, "taskDefinition"))
                .desiredCount(Props.integer(in, "desiredCount")).launchType(Props.str(in, "launchType"))
                .networkConfiguration(network(in)).loadBalancers(loadBalancers(in))
                .healthCheckGracePeriodSeconds(Props.integer(in, "healthCheckGracePeriodSeconds"))
                .deploymentController(d -> d.type(Props.str(in, "deploymentController", "ECS")))
                .propagateTags(PropagateTags.SERVICE).enableECSManagedTags(true).tags(EcsTags.of(r.tags()))
                .clientToken(token(r.idempotencyToken()));
        DeploymentConfiguration dc = deployment(in);
        if (dc != null) b.deploymentConfiguration(dc);
        return b.build();
    }

    static UpdateServiceRequest update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        UpdateServiceRequest.Builder b = UpdateServiceRequest.builder().cluster(Props.str(in, "cluster")).service(current.physicalId())
                .taskDefinition(Props.str(in, "taskDefinition")).networkConfiguration(network(in))
                .healthCheckGracePeriodSeconds(Props.integer(in, "healthCheckGracePeriodSeconds"));
        if (!Objects.equals(Props.integer(current.inputs(), "desiredCount"), Props.integer(in, "desiredCount")))
            b.desiredCount(Props.integer(in, "desiredCount"));
        DeploymentConfiguration dc = deployment(in);
        if (dc != null) b.deploymentConfiguration(dc);
        return b.build();
    }

    private static NetworkConfiguration network(Map<String, Object> in) {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a.subnets(Props.strings(in, "subnets"))
                .securityGroups(Props.strings(in, "securityGroups"))
                .assignPublicIp(Props.bool(in, "assignPublicIp") ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)).build();
    }

    private static List<LoadBalancer> loadBalancers(Map<String, Object> in) {
        return Props.maps(in, "loadBalancers").stream().map(l -> LoadBalancer.builder().targetGroupArn(Props.str(l, "targetGroupArn"))
                .containerName(Props.str(l, "containerName")).containerPort(Props.integer(l, "containerPort")).build()).toList();
    }

    private static DeploymentConfiguration deployment(Map<String, Object> in) {
        Map<String, Object> cb = Props.map(in, "deploymentCircuitBreaker");
        if (cb.isEmpty()) return null;
        return DeploymentConfiguration.builder().deploymentCircuitBreaker(c -> c.enable(Props.bool(cb, "enable"))
                .rollback(Props.bool(cb, "rollback"))).build();
    }

    /** ECS client tokens are at most 36 characters: a stable digest of ours. */
    static String token(String token) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The live inputs of a described service: what an update sends, so drift in it is reported; not the desired count,
     * which auto scaling owns once the service runs (reporting it would make every deploy undo scaling).
     */
    static Map<String, Object> live(Service s) {
        Map<String, Object> in = new java.util.HashMap<>(Map.of("serviceName", s.serviceName(), "cluster", s.clusterArn(), "taskDefinition", s.taskDefinition(),
                "launchType", s.launchTypeAsString() == null ? "" : s.launchTypeAsString(),
                "subnets", s.networkConfiguration() == null ? List.of() : s.networkConfiguration().awsvpcConfiguration().subnets(),
                "securityGroups", s.networkConfiguration() == null ? List.of() : s.networkConfiguration().awsvpcConfiguration().securityGroups()));
        if (s.networkConfiguration() != null && s.networkConfiguration().awsvpcConfiguration().assignPublicIp() != null)
            in.put("assignPublicIp", s.networkConfiguration().awsvpcConfiguration().assignPublicIp() == AssignPublicIp.ENABLED);
        if (s.healthCheckGracePeriodSeconds() != null) in.put("healthCheckGracePeriodSeconds", s.healthCheckGracePeriodSeconds());
        if (s.deploymentConfiguration() != null && s.deploymentConfiguration().deploymentCircuitBreaker() != null) {
            var cb = s.deploymentConfiguration().deploymentCircuitBreaker();
            in.put("deploymentCircuitBreaker", Map.of("enable", Boolean.TRUE.equals(cb.enable()), "rollback", Boolean.TRUE.equals(cb.rollback())));
        }
        return in;
    }
}

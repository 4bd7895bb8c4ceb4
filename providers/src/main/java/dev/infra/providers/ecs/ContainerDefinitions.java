package dev.infra.providers.ecs;

import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Secret;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Container definitions from the inputs' maps: image, ports, environment, secrets by valueFrom, awslogs. */
final class ContainerDefinitions {
    private ContainerDefinitions() { }

    static List<ContainerDefinition> of(Map<String, Object> inputs) {
        return Props.maps(inputs, "containerDefinitions").stream().map(ContainerDefinitions::one).toList();
    }

    private static ContainerDefinition one(Map<String, Object> c) {
        Map<String, Object> log = Props.map(c, "logConfiguration");
        Map<String, String> options = new TreeMap<>();
        Props.map(log, "options").forEach((k, v) -> options.put(k, String.valueOf(v)));
        return ContainerDefinition.builder().name(Props.str(c, "name")).image(Props.str(c, "image")).essential(Props.bool(c, "essential"))
                .portMappings(Props.maps(c, "portMappings").stream().map(p -> PortMapping.builder()
                        .containerPort(Props.integer(p, "containerPort")).protocol(Props.str(p, "protocol", "tcp")).build()).toList())
                .environment(new TreeMap<>(Props.map(c, "environment")).entrySet().stream().map(e ->
                        KeyValuePair.builder().name(e.getKey()).value(String.valueOf(e.getValue())).build()).toList())
                .secrets(Props.maps(c, "secrets").stream().map(s -> Secret.builder().name(Props.str(s, "name"))
                        .valueFrom(Props.str(s, "valueFrom")).build()).toList())
                .logConfiguration(log.isEmpty() ? null : LogConfiguration.builder().logDriver(Props.str(log, "logDriver")).options(options).build())
                .build();
    }
}

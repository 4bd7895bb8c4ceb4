package dev.infra.core.component;

import dev.infra.core.graph.ResourceGraph;
import dev.infra.core.model.AppConfig;

import java.util.List;
import java.util.Map;

/**
 * What an app wants in one stage: its concrete resources in dependency order, their graph, the schema of every
 * type used, and the component outputs ({@code erp.url} → a value with Refs) for {@code infra outputs}.
 */
public record DesiredApp(AppConfig config, List<DesiredResource> resources, ResourceGraph graph,
                         Map<String, ResourceSchema> schemas, Map<String, Object> outputs) {
    public DesiredApp {
        resources = List.copyOf(resources);
        schemas = Map.copyOf(schemas);
        outputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputs));
    }
}

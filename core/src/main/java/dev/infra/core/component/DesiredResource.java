package dev.infra.core.component;

import java.util.List;
import java.util.Map;

/**
 * A concrete AWS resource the app wants.
 *
 * @param address   unique, {@code component/name}, e.g. {@code erp/targetGroup}
 * @param type      resource type, e.g. {@code aws.elbv2.TargetGroup}; providers are looked up by it
 * @param component the component (resources: entry) that produced it
 * @param inputs    desired properties; values may contain {@link dev.infra.core.ref.Ref}/{@link dev.infra.core.ref.Concat}
 * @param dependsOn explicit extra dependencies (refs in inputs are dependencies too)
 */
public record DesiredResource(String address, String type, String component, Map<String, Object> inputs,
                              List<String> dependsOn) {
    public DesiredResource {
        @SuppressWarnings("unchecked") Map<String, Object> sorted = (Map<String, Object>) Inputs.canonical(inputs);
        inputs = sorted;
        dependsOn = List.copyOf(dependsOn);
    }
}

package dev.infra.core.provider;

import dev.infra.core.component.Tags;

import java.util.Map;
import java.util.Set;

/**
 * A resource a provider's tag query returned, as AWS showed it: its physical id, the tags read from the object itself
 * (in the response or by a follow-up read of its tags), what its delete needs to know ({@code inputs}), its outputs, and
 * the physical ids the provider could read of resources it references, which go after it (a listener's load balancer, a
 * service's target groups, a subnet's VPC), and of those that use it through something the sweep cannot find, which go
 * before it ({@code usedBy}: a route table's associated subnets, a target group's load balancers). Whether it is ours is
 * not the provider's word nor the query filter's: {@link Ownership} judges the tags.
 */
public record Found(String type, String physicalId, Map<String, String> tags, Map<String, Object> inputs,
                    Map<String, Object> outputs, Set<String> references, Set<String> usedBy) {
    public Found {
        usedBy = Set.copyOf(usedBy);
        tags = Map.copyOf(tags);
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
        references = Set.copyOf(references);
    }

    public Found(String type, String physicalId, Map<String, String> tags, Map<String, Object> inputs,
                 Map<String, Object> outputs, Set<String> references) {
        this(type, physicalId, tags, inputs, outputs, references, Set.of());
    }

    public Found(String type, String physicalId, Map<String, String> tags, Map<String, Object> outputs) {
        this(type, physicalId, tags, Map.of(), outputs, Set.of(), Set.of());
    }

    public Found withUsedBy(Set<String> users) {
        return new Found(type, physicalId, tags, inputs, outputs, references, users);
    }

    /** The address its {@code infra:resource} tag names, or empty. */
    public String address() {
        return tags.getOrDefault(Tags.RESOURCE, "");
    }

    public ResourceHandle handle(StageContext stage) {
        return new ResourceHandle(address(), type, physicalId, inputs, outputs, stage);
    }

    /** How it is named to a user: type, id and what its tags say. */
    public String describe() {
        String app = tags.getOrDefault(Tags.APP, ""), stage = tags.getOrDefault(Tags.STAGE, "");
        return type + " " + physicalId + (app.isEmpty() && stage.isEmpty() && address().isEmpty() ? " (no infra tags)"
                : " (" + app + "/" + stage + " " + address() + ")");
    }
}

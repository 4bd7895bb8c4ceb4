package dev.infra.core.component;

import java.util.Set;

/**
 * What the planner must know of a resource type without asking AWS.
 *
 * @param type     e.g. {@code aws.ec2.Vpc}
 * @param forceNew input properties (top-level keys) whose change forces a replacement
 * @param outputs  attributes the provider returns after create, readable by {@code Ref}s
 * @param stateful whether deleting or replacing it loses data (asks before doing it; retained on protected stages)
 */
public record ResourceSchema(String type, Set<String> forceNew, Set<String> outputs, boolean stateful) {
    public ResourceSchema {
        forceNew = Set.copyOf(forceNew);
        outputs = Set.copyOf(outputs);
    }
}

package dev.infra.core.provider;

import java.util.Map;

/** Result of a create or update: the physical id and the outputs the resource now has. */
public record Applied(String physicalId, Map<String, Object> outputs) {
    public Applied {
        outputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputs));
    }
}

package dev.infra.core.provider;

import java.util.Map;

/** What a read found in AWS: the live inputs (for drift) and outputs. */
public record Observed(String physicalId, Map<String, Object> inputs, Map<String, Object> outputs) {
    public Observed {
        inputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inputs));
        outputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputs));
    }
}

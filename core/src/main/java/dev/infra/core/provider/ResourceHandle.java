package dev.infra.core.provider;

import java.util.Map;

/** A resource that exists: its address, physical id and what was recorded of it. */
public record ResourceHandle(String address, String type, String physicalId, Map<String, Object> inputs,
                             Map<String, Object> outputs, StageContext stage) {
    public ResourceHandle {
        inputs = dev.infra.core.component.SchemaInputs.of(type, inputs);
        outputs = Map.copyOf(outputs);
    }
}

package dev.infra.core.provider;

import java.util.Map;

/**
 * What a provider is asked to make real: all references already resolved to concrete values.
 *
 * @param address          logical address, e.g. {@code erp/targetGroup}
 * @param physicalName     the name to give it in AWS, {@code app-stage-name}, shortened where AWS limits length
 * @param inputs           concrete desired properties
 * @param tags             tags to put on it ({@code infra:app}, {@code infra:stage}, {@code infra:resource})
 * @param idempotencyToken stable across retries of the same operation
 * @param waits            where to report long waits (what is awaited)
 */
public record ResourceRequest(String address, String type, String physicalName, Map<String, Object> inputs,
                              Map<String, String> tags, String idempotencyToken, StageContext stage,
                              WaitReporter waits) {
    public ResourceRequest {
        inputs = dev.infra.core.component.SchemaInputs.of(type, inputs);
        tags = Map.copyOf(tags);
        waits = waits == null ? WaitReporter.NONE : waits;
    }
}

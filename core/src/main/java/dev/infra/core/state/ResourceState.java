package dev.infra.core.state;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recorded resource.
 *
 * @param physicalId   AWS id or ARN; empty while {@link ResourceStatus#PENDING_CREATE}
 * @param inputs       the concrete inputs it was last applied with (references resolved)
 * @param outputs      what the provider returned
 * @param dependencies addresses it depends on (for deletion order when it is no longer desired)
 * @param pendingToken idempotency token of an operation that was started but not confirmed
 */
public record ResourceState(String address, String type, String component, String physicalId,
                            Map<String, Object> inputs, Map<String, Object> outputs, List<String> dependencies,
                            ResourceStatus status, String pendingToken) {
    public ResourceState {
        inputs = java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
        outputs = java.util.Collections.unmodifiableMap(new TreeMap<>(outputs));
        dependencies = List.copyOf(dependencies);
        pendingToken = pendingToken == null ? "" : pendingToken;
        physicalId = physicalId == null ? "" : physicalId;
    }

    /** The same resource recorded under another address (the old resource of a create-first replacement). */
    public ResourceState at(String newAddress) {
        return new ResourceState(newAddress, type, component, physicalId, inputs, outputs, dependencies, status, pendingToken);
    }

    /** The same resource in another status (a pending operation starting, with its token). */
    public ResourceState withStatus(ResourceStatus newStatus, String token) {
        return new ResourceState(address, type, component, physicalId, inputs, outputs, dependencies, newStatus, token);
    }
}

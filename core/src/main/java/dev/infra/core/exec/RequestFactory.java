package dev.infra.core.exec;

import dev.infra.core.component.ResourceTypes;
import dev.infra.core.component.Tags;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.state.ResourceState;

import java.util.Map;

/** Builds provider requests: the standard tags, and the physical name from the input the type's schema names. */
public final class RequestFactory {
    private final StageContext stage;

    public RequestFactory(StageContext stage) {
        this.stage = stage;
    }

    public ResourceRequest request(String address, String type, Map<String, Object> inputs, String token) {
        return request(address, type, inputs, token, WaitReporter.NONE);
    }

    public ResourceRequest request(String address, String type, Map<String, Object> inputs, String token, WaitReporter waits) {
        return new ResourceRequest(address, type, physicalName(type, inputs), inputs,
                Tags.standard(stage.app(), stage.stage(), address), token, stage, waits);
    }

    public ResourceHandle handle(ResourceState r) {
        return new ResourceHandle(r.address(), r.type(), r.physicalId(), r.inputs(), r.outputs(), stage);
    }

    /** The handle of a resource about to be deleted, with the plan's delete-time choices over the recorded inputs. */
    public ResourceHandle handle(ResourceState r, Map<String, Object> choices) {
        if (choices.isEmpty()) return handle(r);
        Map<String, Object> in = new java.util.HashMap<>(r.inputs());
        in.putAll(choices);
        return new ResourceHandle(r.address(), r.type(), r.physicalId(), in, r.outputs(), stage);
    }

    /** The name the type's schema says the inputs give it (an instance's own identifier, not its cluster's). */
    static String physicalName(String type, Map<String, Object> inputs) {
        return ResourceTypes.find(type).map(s -> s.physicalName(inputs)).orElse("");
    }
}

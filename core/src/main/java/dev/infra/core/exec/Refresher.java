package dev.infra.core.exec;

import dev.infra.core.plan.PropertyDiff;
import dev.infra.core.plan.Values;
import dev.infra.core.component.SchemaInputs;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads live resources, one provider read per type, and returns the state as AWS has it: a resource that is gone is
 * dropped (not an error), recorded inputs are overwritten by the live values the provider reports, outputs refreshed.
 */
public final class Refresher {
    /** What changed outside infra. */
    public record Drift(String address, boolean deleted, List<PropertyDiff> diffs) { }

    public record Result(State state, List<Drift> drift) { }

    private final ProviderRegistry providers;
    private final RequestFactory requests;

    public Refresher(ProviderRegistry providers, RequestFactory requests) {
        this.providers = providers;
        this.requests = requests;
    }

    public Result refresh(State state) {
        Map<String, List<ResourceHandle>> byType = new TreeMap<>();
        for (ResourceState r : state.resources().values())
            if (r.status() == ResourceStatus.READY && !r.physicalId().isEmpty())
                byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(requests.handle(r));
        State next = state;
        List<Drift> drift = new ArrayList<>();
        for (Map.Entry<String, List<ResourceHandle>> e : byType.entrySet()) {
            Map<String, Observed> live = providers.get(e.getKey()).read(e.getValue());
            for (ResourceHandle h : e.getValue()) {
                Observed o = live.get(h.address());
                if (o == null) {
                    drift.add(new Drift(h.address(), true, List.of()));
                    next = next.without(h.address());
                    continue;
                }
                SchemaInputs.requireReported(h.type(), o.inputs().keySet());
                ResourceState r = state.resources().get(h.address());
                Map<String, Object> inputs = new TreeMap<>(r.inputs());
                List<PropertyDiff> diffs = new ArrayList<>();
                o.inputs().forEach((k, v) -> {
                    if (!inputs.containsKey(k) || Values.same(inputs.get(k), v)) return;
                    diffs.add(new PropertyDiff(k, inputs.get(k), v, false));
                    inputs.put(k, v);
                });
                if (!diffs.isEmpty()) drift.add(new Drift(h.address(), false, diffs));
                Map<String, Object> outputs = new TreeMap<>(r.outputs());
                outputs.putAll(o.outputs());
                next = next.with(new ResourceState(r.address(), r.type(), r.component(), o.physicalId(), inputs, outputs,
                        r.dependencies(), r.status(), r.pendingToken()));
            }
        }
        return new Result(next, drift);
    }
}

package dev.infra.core.exec;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.plan.Values;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A resource a create found already there (left by a killed or failed run, and proven ours by its tags) is brought to
 * what the plan asks before it is recorded: it is read, and if it differs only in what can change in place, updated.
 * If it differs in something that forces a replacement, it is recorded as it is, so that the next plan replaces it,
 * and the step fails saying so; the resource is never recorded as something it is not.
 */
final class Adoption {
    private Adoption() { }

    /** The adopted resource, matching {@code request}'s inputs; {@code recordAsIs} is called before a failure. */
    static Applied converge(ResourceProvider p, ResourceRequest request, Applied found, BiConsumer<Map<String, Object>, Applied> recordAsIs) {
        Map<String, Object> wanted = request.inputs();
        ResourceHandle handle = new ResourceHandle(request.address(), request.type(), found.physicalId(), wanted, found.outputs(), request.stage());
        Observed live = p.read(List.of(handle)).get(request.address());
        if (live == null) return found;
        Map<String, Object> actual = new TreeMap<>(wanted);
        live.inputs().forEach((k, v) -> { if (actual.containsKey(k)) actual.put(k, v); });
        List<String> differ = actual.keySet().stream().filter(k -> !Values.same(actual.get(k), wanted.get(k))).sorted().toList();
        if (differ.isEmpty()) return found;
        Set<String> forceNew = ResourceTypes.find(request.type()).map(ResourceSchema::forceNew).orElse(Set.of());
        List<String> forcing = differ.stream().filter(forceNew::contains).toList();
        if (forcing.isEmpty()) {
            return p.update(new ResourceHandle(request.address(), request.type(), found.physicalId(), actual, found.outputs(), request.stage()), request);
        }
        recordAsIs.accept(actual, found);
        throw new InfraException(ExitCode.FAILURE, request.address() + " already existed (left by an earlier run) with a different "
                + String.join(", ", forcing) + ", which cannot change in place; it is recorded as it is: run the command again to replace it");
    }
}

package dev.infra.core.status;

import dev.infra.core.exec.RequestFactory;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads what runs now, as refresh reads: one provider status read per type, for the recorded resources chosen that
 * have a physical id, whatever their status (a service a failed deploy left pending an update runs all the same).
 */
public final class StatusReader {
    private final ProviderRegistry providers;
    private final RequestFactory requests;

    public StatusReader(ProviderRegistry providers, RequestFactory requests) {
        this.providers = providers;
        this.requests = requests;
    }

    /** By address, sorted; types whose provider has nothing to report are absent. */
    public Map<String, LiveStatus> read(State state, Predicate<ResourceState> include) {
        Map<String, List<ResourceHandle>> byType = new TreeMap<>();
        for (ResourceState r : state.resources().values())
            if (!r.physicalId().isEmpty() && include.test(r))
                byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(requests.handle(r));
        Map<String, LiveStatus> out = new TreeMap<>();
        byType.forEach((type, handles) -> {
            ResourceProvider p = providers.find(type).orElse(null);
            if (p != null) out.putAll(p.status(handles));
        });
        return out;
    }
}

package dev.infra.core.exec;

import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.StageContext;
import dev.infra.core.state.State;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The last part of {@code remove}: deletes resources that carry the stage's tags but that the state does not list
 * (left over from a lost or hand-edited state). Types are visited in the order given (dependents first).
 */
public final class Sweeper {
    public record Swept(List<String> deleted, List<String> failed) { }

    private final ProviderRegistry providers;

    public Sweeper(ProviderRegistry providers) {
        this.providers = providers;
    }

    /** Sweeps the given types; {@code kept} are addresses a protected stage retains by design (kept even when a state lost them). */
    public Swept sweep(StageContext stage, State state, Collection<String> typesDependentsFirst, java.util.Set<String> kept) {
        List<String> deleted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String type : typesDependentsFirst) {
            ResourceProvider p = providers.find(type).orElse(null);
            if (p == null) continue;
            for (ResourceHandle h : p.listTagged(stage)) {
                if (state.resources().containsKey(h.address()) || kept.contains(h.address())) continue;
                try {
                    p.delete(h);
                    deleted.add(type + " " + h.physicalId() + " (" + h.address() + ")");
                } catch (RuntimeException e) {
                    failed.add(type + " " + h.physicalId() + ": " + Scheduler.message(e));
                }
            }
        }
        return new Swept(deleted, failed);
    }
}

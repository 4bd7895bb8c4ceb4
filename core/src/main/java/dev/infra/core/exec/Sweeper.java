package dev.infra.core.exec;

import dev.infra.core.provider.Found;
import dev.infra.core.provider.Ownership;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.StageContext;
import dev.infra.core.state.State;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The last part of {@code remove}: deletes resources that carry the stage's tags but that the state does not list
 * (left over from a lost or hand-edited state). Only what {@link Ownership} proves ours from the object's own tags is
 * touched; everything else a query returned is counted and named, never deleted. Types are visited in the order
 * given (dependents first).
 */
public final class Sweeper {
    /** @param foreign what the queries returned that is not proven ours, as "type id: why" (left alone) */
    public record Swept(List<String> deleted, List<String> failed, List<String> foreign) { }

    private final ProviderRegistry providers;

    public Sweeper(ProviderRegistry providers) {
        this.providers = providers;
    }

    /**
     * Sweeps the given types; {@code known} are the addresses infra knows (desired app and state), {@code kept} those a
     * protected stage retains by design (kept even when a state lost them).
     */
    public Swept sweep(StageContext stage, State state, Collection<String> typesDependentsFirst, Collection<String> known, Set<String> kept) {
        Ownership ownership = Ownership.of(stage, known);
        List<String> deleted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (String type : typesDependentsFirst) {
            ResourceProvider p = providers.find(type).orElse(null);
            if (p == null) continue;
            Ownership.Split split = ownership.split(p.findTagged(stage));
            foreign.addAll(split.foreign());
            for (Found f : split.ours()) {
                if (state.resources().containsKey(f.address()) || kept.contains(f.address())) continue;
                try {
                    p.delete(f.handle(stage));
                    deleted.add(type + " " + f.physicalId() + " (" + f.address() + ")");
                } catch (RuntimeException e) {
                    failed.add(type + " " + f.physicalId() + ": " + Scheduler.message(e));
                }
            }
        }
        return new Swept(deleted, failed, foreign);
    }
}

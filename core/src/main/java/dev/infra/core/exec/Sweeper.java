package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.Ownership;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.StageContext;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.State;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sweep of {@code remove}: finds resources that carry the stage's tags but that the state does not list (left over
 * from a lost or hand-edited state) and records them in the state, with the order they must go in, so that the same
 * executor deletes them (in parallel, with its retries and progress lines) as a remove deletes anything recorded.
 * Only what {@link Ownership} proves ours from the object's own tags is recorded; what is tagged for the stage but not
 * proven ours (an unknown address, no {@code infra:resource} tag) is named, never touched; the rest a broad query
 * returned (other apps' and stages', untagged) is not the stage's to mention.
 */
public final class Sweeper {
    /** @param leftAlone what is tagged for the stage but not proven ours, as "type id: why" (left alone) */
    public record Findings(List<Found> orphans, List<String> leftAlone) { }

    private final ProviderRegistry providers;

    public Sweeper(ProviderRegistry providers) {
        this.providers = providers;
    }

    /**
     * Asks every type's provider what its tags find; {@code known} are the addresses infra knows (desired app and
     * state), {@code kept} those a protected stage retains by design (kept even when a state lost them).
     */
    public Findings find(StageContext stage, State state, Collection<String> types, Collection<String> known, Set<String> kept) {
        Ownership ownership = Ownership.of(stage, known);
        List<Found> orphans = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        for (String type : types) {
            ResourceProvider p = providers.find(type).orElse(null);
            if (p == null) continue;
            Ownership.Split split = ownership.split(p.findTagged(stage));
            leftAlone.addAll(split.unproven());
            for (Found f : split.ours())
                if (!state.resources().containsKey(f.address()) && !kept.contains(f.address()) && !recorded(state, f)) orphans.add(f);
        }
        return new Findings(List.copyOf(orphans), List.copyOf(leftAlone));
    }

    private static boolean recorded(State state, Found f) {
        return state.resources().values().stream().anyMatch(r -> r.physicalId().equals(f.physicalId()) && r.type().equals(f.type()));
    }

    /**
     * The state with the orphans recorded (ready, to be deleted), each depending on what the desired app says its
     * address depends on and on what it references (a listener's load balancer, a subnet's VPC), and each user of an
     * orphan (a route table's subnets) depending on it, among what is recorded.
     * A second object tagged with an address already taken is recorded as {@code address#physicalId}.
     */
    public static State record(State state, List<Found> orphans, DesiredApp desired) {
        Map<String, String> addressById = new HashMap<>();
        Map<String, Found> byAddress = new java.util.LinkedHashMap<>();
        for (Found f : orphans) {
            String address = state.resources().containsKey(f.address()) || byAddress.containsKey(f.address())
                    ? f.address() + "#" + f.physicalId() : f.address();
            byAddress.put(address, f);
            addressById.put(f.physicalId(), address);
        }
        state.resources().values().forEach(r -> addressById.putIfAbsent(r.physicalId(), r.address()));
        Map<String, Set<String>> deps = new HashMap<>();
        for (Map.Entry<String, Found> e : byAddress.entrySet()) {
            Found f = e.getValue();
            Set<String> mine = deps.computeIfAbsent(e.getKey(), k -> new TreeSet<>());
            if (desired.graph().nodes().contains(f.address())) mine.addAll(desired.graph().dependenciesOf(f.address()));
            f.references().stream().map(addressById::get).filter(a -> a != null && !a.equals(e.getKey())).forEach(mine::add);
            f.usedBy().stream().map(addressById::get).filter(a -> a != null && byAddress.containsKey(a) && !a.equals(e.getKey()))
                    .forEach(user -> deps.computeIfAbsent(user, k -> new TreeSet<>()).add(e.getKey()));
        }
        State out = state;
        for (Map.Entry<String, Found> e : byAddress.entrySet()) {
            Found f = e.getValue();
            String component = desired.resources().stream().filter(d -> d.address().equals(f.address())).map(DesiredResource::component)
                    .findFirst().orElse(f.address().split("/", 2)[0]);
            out = out.with(new ResourceState(e.getKey(), f.type(), component, f.physicalId(), f.inputs(), f.outputs(),
                    List.copyOf(deps.get(e.getKey())), ResourceStatus.READY, ""));
        }
        return out;
    }
}

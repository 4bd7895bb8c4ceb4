package dev.infra.core.provider;

import dev.infra.core.component.Tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one rule for what infra may delete, revoke, release or adopt: an object is ours only when its own tags carry
 * this app, this stage and an {@code infra:resource} naming an address infra knows (the desired app's or the state's).
 * A server-side filter is a hint, never a proof: paging bugs, eventual consistency, a proxy or an emulator can all
 * hand back more than asked. Every provider's sweep and adoption goes through this check.
 */
public final class Ownership {
    private final StageContext stage;
    private final Predicate<String> known;

    private Ownership(StageContext stage, Predicate<String> known) {
        this.stage = stage;
        this.known = known;
    }

    /** Ours when tagged for the stage with one of {@code addresses}. */
    public static Ownership of(StageContext stage, Collection<String> addresses) {
        Set<String> copy = Set.copyOf(addresses);
        return new Ownership(stage, copy::contains);
    }

    /** Ours when tagged for the stage with exactly this address (adoption of one resource). */
    public static Ownership ofAddress(StageContext stage, String address) {
        return new Ownership(stage, address::equals);
    }

    /** Ours when tagged for the stage with any non-empty address (listing without a known app, e.g. in tests). */
    public static Ownership anyAddress(StageContext stage) {
        return new Ownership(stage, a -> !a.isEmpty());
    }

    /** Why the object with these tags is not ours, or empty when its tags prove it is. */
    public Optional<String> whyNotOurs(Map<String, String> tags) {
        String app = tags.get(Tags.APP), st = tags.get(Tags.STAGE), address = tags.getOrDefault(Tags.RESOURCE, "");
        if (app == null && st == null && address.isEmpty()) return Optional.of("no infra tags");
        if (!stage.app().equals(app)) return Optional.of("app " + (app == null ? "(none)" : app));
        if (!stage.stage().equals(st)) return Optional.of("stage " + (st == null ? "(none)" : st));
        if (!known.test(address)) return Optional.of(address.isEmpty() ? "no infra:resource tag" : "unknown address " + address);
        return Optional.empty();
    }

    /** Whether the tags name this app and this stage (whatever address they name, if any). */
    public boolean taggedForStage(Map<String, String> tags) {
        return stage.app().equals(tags.get(Tags.APP)) && stage.stage().equals(tags.get(Tags.STAGE));
    }

    public boolean ours(Map<String, String> tags) {
        return whyNotOurs(tags).isEmpty();
    }

    /**
     * Splits what a query returned (one per physical id: a repeated page counts once) into proven ours, those tagged for
     * this stage that their tags still do not prove ours, and the rest (other apps' and stages', untagged).
     */
    public Split split(Collection<Found> found) {
        Map<String, Found> unique = new LinkedHashMap<>();
        found.forEach(f -> unique.putIfAbsent(f.type() + " " + f.physicalId(), f));
        List<Found> ours = new ArrayList<>();
        List<String> unproven = new ArrayList<>(), foreign = new ArrayList<>();
        for (Found f : unique.values()) {
            Optional<String> why = whyNotOurs(f.tags());
            if (why.isEmpty()) ours.add(f);
            else (taggedForStage(f.tags()) ? unproven : foreign).add(f.type() + " " + f.physicalId() + ": " + why.get());
        }
        return new Split(List.copyOf(ours), List.copyOf(unproven), List.copyOf(foreign));
    }

    /**
     * What a query returned, named as "type id: why" but for what is ours: proven ours; tagged for this stage but not
     * proven ours (an unknown address, no {@code infra:resource} tag); everything else. Only the first is ever touched.
     */
    public record Split(List<Found> ours, List<String> unproven, List<String> foreign) { }
}

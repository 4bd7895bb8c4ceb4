package dev.infra.core.state;

import java.util.Map;
import java.util.Optional;

/**
 * The recorded state of one app and stage. Holds no secret value: only names, ids, ARNs and hashes.
 *
 * @param formatVersion {@link #FORMAT_VERSION} when written by this build
 * @param serial        incremented on every write
 * @param lineage       random id fixed when the state is first created; a saved plan must match it
 * @param resources     by address, sorted; immutable, and a copy with one change shares the rest ({@link #with})
 * @param lastChange    who wrote it last and when; null for a state written before this was recorded
 */
public record State(int formatVersion, long serial, String lineage, String app, String stage,
                    Map<String, ResourceState> resources, LastChange lastChange) {
    public static final int FORMAT_VERSION = 1;

    public State {
        resources = ResourceMap.of(resources);
    }

    public State(int formatVersion, long serial, String lineage, String app, String stage, Map<String, ResourceState> resources) {
        this(formatVersion, serial, lineage, app, stage, resources, null);
    }

    public Optional<LastChange> lastChanged() {
        return Optional.ofNullable(lastChange);
    }

    public State withLastChange(LastChange change) {
        return new State(formatVersion, serial, lineage, app, stage, resources, change);
    }

    public static State empty(String app, String stage) {
        return new State(FORMAT_VERSION, 0, java.util.UUID.randomUUID().toString(), app, stage, Map.of());
    }

    public Optional<ResourceState> resource(String address) {
        return Optional.ofNullable(resources.get(address));
    }

    /** A copy with the resource added or replaced. Serial is not changed (the persister bumps it). */
    public State with(ResourceState r) {
        return new State(formatVersion, serial, lineage, app, stage, ((ResourceMap) resources).plus(r.address(), r), lastChange);
    }

    public State without(String address) {
        return new State(formatVersion, serial, lineage, app, stage, ((ResourceMap) resources).minus(address), lastChange);
    }

    public State withSerial(long newSerial) {
        return new State(formatVersion, newSerial, lineage, app, stage, resources, lastChange);
    }
}

package dev.infra.core.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each resource's JSON as a snapshot or journal record holds it (compact, keys sorted), kept for the state object it
 * was made from: a resource unchanged since the last record or snapshot is not serialised again. A run's final
 * snapshot then serialises only what changed after the last record, instead of every resource, after its last step.
 * One per journal (so per session); thread-safe.
 */
final class ResourceJson {
    private record Made(ResourceState of, String json) { }

    private final Map<String, Made> made = new ConcurrentHashMap<>();

    String of(ResourceState r) {
        Made m = made.get(r.address());
        if (m != null && m.of() == r) return m.json();
        String json = StateCodec.resourceJson(r);
        made.put(r.address(), new Made(r, json));
        return json;
    }
}

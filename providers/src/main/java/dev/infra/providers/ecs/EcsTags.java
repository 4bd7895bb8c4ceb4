package dev.infra.providers.ecs;

import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ECS tags as a map and back. */
final class EcsTags {
    private EcsTags() { }

    static List<Tag> of(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static Map<String, String> map(List<Tag> tags) {
        Map<String, String> m = new HashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }
}

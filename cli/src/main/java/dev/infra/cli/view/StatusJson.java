package dev.infra.cli.view;

import dev.infra.core.status.DatabaseStatus;
import dev.infra.core.status.LiveStatus;
import dev.infra.core.status.ServiceStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code infra status --json}: services, databases, urls and whether all is steady and healthy. */
public final class StatusJson {
    private StatusJson() { }

    public static Map<String, Object> of(Map<String, LiveStatus> live, Map<String, Object> urls, boolean healthy) {
        List<Object> services = new ArrayList<>();
        List<Object> databases = new ArrayList<>();
        for (LiveStatus s : live.values()) {
            if (s instanceof ServiceStatus svc) services.add(service(svc));
            else if (s instanceof DatabaseStatus db) databases.add(database(db));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("healthy", healthy);
        m.put("services", services);
        m.put("databases", databases);
        m.put("urls", urls);
        return m;
    }

    private static Map<String, Object> service(ServiceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", s.address());
        m.put("name", s.name());
        m.put("healthy", s.healthy());
        m.put("desired", s.desired());
        m.put("running", s.running());
        m.put("pending", s.pending());
        m.put("rollout", s.rollout() == null ? null : Map.of("kind", s.rollout().kind(), "state", s.rollout().state(), "progress", s.rollout().progress()));
        m.put("targets", s.targets().stream().map(t -> Map.of("id", t.id(), "port", t.port(), "state", t.state(), "reason", t.reason(),
                "description", t.description())).toList());
        m.put("taskDefinition", s.taskDefinition());
        m.put("images", s.images());
        m.put("events", s.events());
        m.put("stoppedReasons", s.stopped());
        m.put("problems", s.problems());
        return m;
    }

    private static Map<String, Object> database(DatabaseStatus d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", d.address());
        m.put("cluster", d.cluster());
        m.put("healthy", d.healthy());
        m.put("status", d.status());
        m.put("writer", d.writer());
        m.put("readers", d.readers());
        m.put("paused", d.paused());
        m.put("problems", d.problems());
        return m;
    }
}

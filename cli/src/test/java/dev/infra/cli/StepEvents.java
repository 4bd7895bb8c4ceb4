package dev.infra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream of {@code deploy --json} or {@code remove --json}, parsed back line by line, checked against the
 * plan it applied (the JSON of {@code diff --out}). A step is an action on an address: a replacement is a
 * {@code delete} step, then a {@code replace} step.
 */
final class StepEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<Map<String, Object>> events = new ArrayList<>();

    @SuppressWarnings("unchecked")
    StepEvents(String stdout) throws Exception {
        for (String line : stdout.split("\n")) if (!line.isBlank()) events.add(JSON.readValue(line, Map.class));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> changes(String planJson) throws Exception {
        return (List<Map<String, Object>>) JSON.readValue(planJson, Map.class).get("changes");
    }

    List<String> kinds() {
        return events.stream().map(e -> (String) e.get("event")).toList();
    }

    Map<String, Object> last() {
        return events.get(events.size() - 1);
    }

    /** Index of the first event of this kind for the step, or -1. */
    int index(String kind, String step) {
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = events.get(i);
            if (kind.equals(e.get("event")) && step.equals(e.get("action") + " " + e.get("address"))) return i;
        }
        return -1;
    }

    /** Index of the step's done or failed event, or -1. */
    int end(String step) {
        int done = index("done", step);
        return done >= 0 ? done : index("failed", step);
    }

    /** The steps a plan's changes make, in the events' naming. */
    static Set<String> steps(List<Map<String, Object>> changes) {
        Set<String> steps = new LinkedHashSet<>();
        for (Map<String, Object> c : changes) {
            String action = (String) c.get("action");
            if (action.equals("noop")) continue;
            if (action.equals("replace")) steps.add("delete " + c.get("address"));
            steps.add(action + " " + c.get("address"));
        }
        return steps;
    }

    private static boolean destroys(String step) {
        return step.startsWith("delete ") || step.startsWith("retain ");
    }

    /**
     * Every step of the plan started once and then ended (done or failed) once, no other step ran, and none started
     * before what it waits for ended: a create or update after the steps that make its dependencies, a delete (or a
     * retain) after the deletes of what depended on the resource.
     */
    void assertEveryStepInDependencyOrder(List<Map<String, Object>> changes) {
        Set<String> expected = steps(changes);
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> started = new HashMap<>();
        for (Map<String, Object> e : events) {
            if (!List.of("started", "done", "failed").contains(e.get("event"))) continue;
            String step = e.get("action") + " " + e.get("address");
            seen.add(step);
            if (e.get("event").equals("started")) assertThat(started.merge(step, 1, Integer::sum)).as("%s started once", step).isEqualTo(1);
        }
        assertThat(seen).as("the steps that ran").containsExactlyInAnyOrderElementsOf(expected);
        Map<String, String> stepOf = new HashMap<>();
        for (String s : expected) stepOf.merge(s.substring(s.indexOf(' ') + 1), s, (a, b) -> a.startsWith("delete ") ? b : a);
        for (String s : expected) {
            int start = index("started", s);
            assertThat(end(s)).as("%s ended after it started", s).isGreaterThan(start);
        }
        for (Map<String, Object> c : changes) {
            String step = stepOf.get((String) c.get("address"));
            if (step == null) continue;
            boolean destroy = destroys(step);
            for (Object d : (List<?>) c.get("dependencies")) {
                String dep = stepOf.get((String) d);
                if (dep == null || destroys(dep) != destroy) continue;
                if (destroy) assertThat(end(step)).as("%s ends before %s starts", step, dep).isLessThan(index("started", dep));
                else assertThat(end(dep)).as("%s ends before %s starts", dep, step).isLessThan(index("started", step));
            }
        }
    }
}

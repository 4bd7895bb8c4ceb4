package dev.infra.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.ref.Concat;
import dev.infra.core.ref.Ref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans as JSON ({@code diff --out}, {@code --json}). Refs, concatenations and unknowns are tagged objects
 * ({@code {"$ref": "addr.attr"}}, {@code {"$concat": [...]}}, {@code {"$unknown": true}}) so a saved plan reads back
 * equal to the one written.
 */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlanJson() { }

    public static String write(Plan p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("formatVersion", p.formatVersion());
        doc.put("app", p.app());
        doc.put("stage", p.stage());
        doc.put("region", p.region());
        doc.put("lineage", p.lineage());
        doc.put("priorSerial", p.priorSerial());
        Map<String, Integer> summary = new LinkedHashMap<>();
        PlanRenderer.counts(p).forEach((a, n) -> summary.put(a.name().toLowerCase(), n));
        doc.put("summary", summary);
        List<Object> changes = new ArrayList<>();
        for (Change c : p.changes()) changes.add(change(c));
        doc.put("changes", changes);
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", c.address());
        m.put("type", c.type());
        m.put("component", c.component());
        m.put("action", c.action().name().toLowerCase());
        m.put("reason", c.reason());
        m.put("dependencies", c.dependencies());
        m.put("before", encode(c.before()));
        m.put("after", encode(c.after()));
        List<Object> diffs = new ArrayList<>();
        for (PropertyDiff d : c.diffs()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("path", d.path());
            dm.put("before", encode(d.before()));
            dm.put("after", encode(d.after()));
            dm.put("forcesReplacement", d.forcesReplacement());
            diffs.add(dm);
        }
        m.put("diffs", diffs);
        return m;
    }

    static Object encode(Object v) {
        if (v == Unknown.VALUE) return Map.of("$unknown", true);
        if (v instanceof Ref r) return Map.of("$ref", r.address() + "." + r.attribute());
        if (v instanceof Concat c) return Map.of("$concat", encode(c.parts()));
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, encode(x)));
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(PlanJson::encode).toList();
        return v;
    }

    @SuppressWarnings("unchecked")
    static Object decode(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey("$unknown")) return Unknown.VALUE;
            if (m.size() == 1 && m.get("$ref") instanceof String s) {
                int dot = s.lastIndexOf('.');
                return new Ref(s.substring(0, dot), s.substring(dot + 1));
            }
            if (m.size() == 1 && m.get("$concat") instanceof List<?> parts) return new Concat((List<Object>) decode(parts));
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, decode(x)));
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(PlanJson::decode).toList();
        return v;
    }

    /** @throws InvalidInputException when the text is not a plan of this format version */
    @SuppressWarnings("unchecked")
    public static Plan read(String text) {
        try {
            Map<String, Object> doc = JSON.readValue(text, Map.class);
            Object version = doc.get("formatVersion");
            if (!(version instanceof Number n) || n.intValue() != Plan.FORMAT_VERSION)
                throw new InvalidInputException("plan file has format version " + version + ", this infra reads " + Plan.FORMAT_VERSION);
            List<Change> changes = new ArrayList<>();
            for (Object o : (List<Object>) doc.get("changes")) changes.add(readChange((Map<String, Object>) o));
            return new Plan(n.intValue(), (String) doc.get("app"), (String) doc.get("stage"), (String) doc.get("region"),
                    (String) doc.get("lineage"), ((Number) doc.get("priorSerial")).longValue(), changes);
        } catch (JsonProcessingException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new InvalidInputException("not a valid plan file: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    @SuppressWarnings("unchecked")
    private static Change readChange(Map<String, Object> m) {
        List<PropertyDiff> diffs = new ArrayList<>();
        for (Object o : (List<Object>) m.get("diffs")) {
            Map<String, Object> d = (Map<String, Object>) o;
            diffs.add(new PropertyDiff((String) d.get("path"), decode(d.get("before")), decode(d.get("after")),
                    Boolean.TRUE.equals(d.get("forcesReplacement"))));
        }
        Action action = Action.valueOf(((String) m.get("action")).toUpperCase());
        return new Change((String) m.get("address"), (String) m.get("type"), (String) m.get("component"), action,
                (Map<String, Object>) decode(m.get("before")), (Map<String, Object>) decode(m.get("after")), diffs,
                (String) m.get("reason"), (List<String>) m.get("dependencies"));
    }
}

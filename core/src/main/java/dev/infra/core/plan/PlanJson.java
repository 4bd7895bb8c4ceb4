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

    /**
     * The plan as a file: its content, the digest of the app it was made from ({@link PlanDigest#of(DesiredApp)}),
     * and the digest of all the rest, so {@link #read} can refuse a file edited by hand.
     */
    public static String write(Plan p, String appDigest) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("formatVersion", p.formatVersion());
        doc.put("app", p.app());
        doc.put("stage", p.stage());
        doc.put("region", p.region());
        doc.put("lineage", p.lineage());
        doc.put("priorSerial", p.priorSerial());
        doc.put("appDigest", appDigest);
        Map<String, Integer> summary = new LinkedHashMap<>();
        PlanRenderer.counts(p).forEach((a, n) -> summary.put(a.name().toLowerCase(), n));
        doc.put("summary", summary);
        List<Object> changes = new ArrayList<>();
        for (Change c : p.changes()) changes.add(change(c));
        doc.put("changes", changes);
        try {
            doc.put("digest", PlanDigest.of(JSON.readValue(JSON.writeValueAsString(doc), Map.class)));
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plan read back from its file, with the digest of the app it was made from. */
    public record Saved(Plan plan, String appDigest) { }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", c.address());
        m.put("type", c.type());
        m.put("component", c.component());
        m.put("action", c.action().name().toLowerCase());
        m.put("reason", c.reason());
        m.put("dependencies", c.dependencies());
        if (c.action() == Action.REPLACE) m.put("createFirst", c.createFirst());
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

    /** A value as it reads back from a plan file, so values from a file and from infra.yaml compare equal. */
    static Object normalized(Object v) {
        try {
            return JSON.readValue(JSON.writeValueAsString(encode(v)), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * @throws InvalidInputException (one line, no Java names) when the text is not JSON, not a plan of this format
     *                               version, or not exactly what {@link #write} wrote (its digest does not match)
     */
    @SuppressWarnings("unchecked")
    public static Saved read(String text) {
        Map<String, Object> doc;
        try {
            doc = JSON.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not a valid plan file: not JSON (" + dev.infra.core.diag.JsonSyntax.where(e) + ")");
        }
        if (doc == null) throw new InvalidInputException("not a valid plan file: it is empty");
        Object version = doc.get("formatVersion");
        if (!(version instanceof Number n) || n.intValue() != Plan.FORMAT_VERSION)
            throw new InvalidInputException("plan file has format version " + version + ", this infra reads " + Plan.FORMAT_VERSION);
        Object claimed = doc.remove("digest");
        if (!(claimed instanceof String))
            throw new InvalidInputException("not a valid plan file: it carries no digest; make one with 'infra diff --out FILE'");
        if (!claimed.equals(PlanDigest.of(doc)))
            throw new InvalidInputException("the plan file was modified after 'infra diff --out' wrote it; make a new plan");
        PlanFields f = new PlanFields(doc, "the plan");
        List<Change> changes = new ArrayList<>();
        int i = 0;
        for (Map<String, Object> c : f.maps("changes")) changes.add(readChange(new PlanFields(c, "change " + i++)));
        return new Saved(new Plan(n.intValue(), f.str("app"), f.str("stage"), f.str("region"), f.str("lineage"),
                f.number("priorSerial").longValue(), changes), f.str("appDigest"));
    }

    @SuppressWarnings("unchecked")
    private static Change readChange(PlanFields f) {
        List<PropertyDiff> diffs = new ArrayList<>();
        for (Map<String, Object> d : f.maps("diffs")) {
            PlanFields df = new PlanFields(d, f.where() + "'s diff");
            diffs.add(new PropertyDiff(df.str("path"), decode(d.get("before")), decode(d.get("after")),
                    Boolean.TRUE.equals(d.get("forcesReplacement"))));
        }
        return new Change(f.str("address"), f.str("type"), f.str("component"), f.action("action"),
                (Map<String, Object>) decode(f.map("before")), (Map<String, Object>) decode(f.map("after")), diffs,
                f.str("reason"), f.strings("dependencies"), f.action("action") == Action.REPLACE && f.bool("createFirst"));
    }
}

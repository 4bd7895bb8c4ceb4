package dev.infra.core.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State ⇄ JSON. Deterministic output (keys sorted); reading checks the format version. */
public final class StateCodec {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** For journal records: keys sorted, no indentation (they are small and many). */
    static final ObjectMapper COMPACT = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private StateCodec() { }

    public static String toJson(State s) {
        return toJson(s, "");
    }

    /** With {@code journalId} (when not empty): the id under which records appended to this snapshot are kept. */
    static String toJson(State s, String journalId) {
        return toJson(s, journalId, StateCodec::resourceJson);
    }

    /**
     * As {@link #toJson(State, String)}, each resource's JSON from {@code resourceJson} (a {@link ResourceJson} keeps
     * it between writes). Indented, keys sorted, one resource per line.
     */
    static String toJson(State s, String journalId, java.util.function.Function<ResourceState, String> resourceJson) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            DefaultIndenter lines = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lines).withArrayIndenter(lines));
            g.writeStartObject();
            g.writeStringField("app", s.app());
            g.writeNumberField("formatVersion", s.formatVersion());
            if (!journalId.isEmpty()) g.writeStringField("journal", journalId);
            if (s.lastChange() != null) g.writeObjectField("lastChange", lastChangeDoc(s.lastChange()));
            g.writeStringField("lineage", s.lineage());
            g.writeArrayFieldStart("resources");
            for (ResourceState r : s.resources().values()) g.writeRawValue(resourceJson.apply(r));
            g.writeEndArray();
            g.writeNumberField("serial", s.serial());
            g.writeStringField("stage", s.stage());
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new StateException("cannot serialise state: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    /** One resource as a snapshot or journal record holds it: compact, keys sorted. */
    static String resourceJson(ResourceState r) {
        try {
            return COMPACT.writeValueAsString(resourceDoc(r));
        } catch (JsonProcessingException e) {
            throw new StateException("cannot serialise state of " + r.address() + ": " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> resourceDoc(ResourceState r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        m.put("type", r.type());
        m.put("component", r.component());
        m.put("physicalId", r.physicalId());
        m.put("status", r.status().name());
        if (!r.pendingToken().isEmpty()) m.put("pendingToken", r.pendingToken());
        m.put("dependencies", r.dependencies());
        m.put("inputs", r.inputs());
        m.put("outputs", r.outputs());
        return m;
    }

    static Map<String, Object> lastChangeDoc(LastChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", c.at().toString());
        m.put("by", c.by());
        m.put("command", c.command());
        m.put("region", c.region());
        m.put("protect", c.protect());
        return m;
    }

    static LastChange lastChange(JsonNode n) {
        if (n == null || !n.isObject()) return null;
        try {
            return new LastChange(java.time.Instant.parse(text(n, "at")), text(n, "by"), text(n, "command"), text(n, "region"),
                    n.path("protect").asBoolean(false));
        } catch (java.time.format.DateTimeParseException e) {
            throw new StateException("state has a malformed lastChange.at: " + e.getParsedString());
        }
    }

    /** @throws StateException on malformed JSON or an unknown format version */
    public static State fromJson(String json) {
        return fromTree(tree(json));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StateException("state is not valid JSON (" + dev.infra.core.diag.JsonSyntax.where(e)
                    + "); restore the previous version from the backend's history");
        }
    }

    /** The journal id of a snapshot's tree; empty when none (written before journals, or by a plain save). */
    static String journalId(JsonNode root) {
        return root == null ? "" : root.path("journal").asText("");
    }

    static State fromTree(JsonNode root) {
        if (root == null || !root.isObject()) throw new StateException("state is not a JSON object; restore the previous version");
        int version = root.path("formatVersion").asInt(-1);
        if (version != State.FORMAT_VERSION) {
            throw new StateException("state format version " + version + " is not supported by this build (expects "
                    + State.FORMAT_VERSION + "); use the infra release that wrote it");
        }
        JsonNode serial = root.path("serial");
        if (!serial.canConvertToExactIntegral() || serial.asLong() < 0)
            throw new StateException("state has no valid 'serial' (a whole number); restore the previous version");
        if (!root.path("resources").isArray()) throw new StateException("state has no 'resources' list; restore the previous version");
        Map<String, ResourceState> resources = new LinkedHashMap<>();
        for (JsonNode r : root.path("resources")) {
            ResourceState rs = resource(r);
            if (resources.put(rs.address(), rs) != null)
                throw new StateException("state records " + rs.address() + " twice; restore the previous version");
        }
        return new State(version, root.path("serial").asLong(), text(root, "lineage"), text(root, "app"),
                text(root, "stage"), resources, lastChange(root.get("lastChange")));
    }

    static ResourceState resource(JsonNode r) {
        if (!r.isObject()) throw new StateException("state has a resource that is not a JSON object; restore the previous version");
        String address = text(r, "address");
        return new ResourceState(address, text(r, "type"), text(r, "component"), r.path("physicalId").asText(""),
                object(r, address, "inputs"), object(r, address, "outputs"), strings(r, address), status(r, address),
                r.path("pendingToken").asText(""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode r, String address, String field) {
        JsonNode v = r.path(field);
        if (v.isMissingNode()) return Map.of();
        if (!v.isObject()) throw malformed(address, "'" + field + "' is not an object");
        return JSON.convertValue(v, Map.class);
    }

    private static List<String> strings(JsonNode r, String address) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode d : r.path("dependencies")) {
            if (!d.isTextual()) throw malformed(address, "'dependencies' holds something other than addresses");
            out.add(d.asText());
        }
        if (!r.path("dependencies").isMissingNode() && !r.path("dependencies").isArray())
            throw malformed(address, "'dependencies' is not a list");
        return out;
    }

    private static ResourceStatus status(JsonNode r, String address) {
        String s = text(r, "status");
        for (ResourceStatus x : ResourceStatus.values()) if (x.name().equals(s)) return x;
        throw malformed(address, "its status '" + s + "' is unknown");
    }

    private static StateException malformed(String address, String what) {
        return new StateException("state has a malformed resource " + address + ": " + what + "; restore the previous version");
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new StateException("state is missing field '" + field + "'; restore the previous version");
        return v.asText();
    }

    static String lockToJson(LockInfo l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("who", l.who());
        m.put("host", l.host());
        m.put("command", l.command());
        m.put("since", l.since().toString());
        m.put("leaseExpiry", l.leaseExpiry().toString());
        if (l.pid() > 0) m.put("pid", l.pid());
        if (!l.space().isEmpty()) m.put("space", l.space());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new StateException("cannot serialise lock", e);
        }
    }

    static LockInfo lockFromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new LockInfo(text(n, "id"), text(n, "who"), text(n, "host"), text(n, "command"),
                    java.time.Instant.parse(text(n, "since")), java.time.Instant.parse(text(n, "leaseExpiry")),
                    n.path("pid").asLong(0), n.path("space").asText(""));
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            throw new StateException("lock file is unreadable; run 'infra state unlock --force'");
        }
    }

    /** Lock (de)serialisation for backends in other modules. */
    public static String encodeLock(LockInfo l) {
        return lockToJson(l);
    }

    public static LockInfo decodeLock(String json) {
        return lockFromJson(json);
    }
}

package dev.infra.core.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Journal records ⇄ JSON. A record holds what one write changed: resources put (whole) and removed, the serial and
 * last change it brings. A seal record holds nothing: it closes the journal before a compaction replaces it.
 */
final class JournalCodec {
    private JournalCodec() { }

    /** Whether {@code next} can be stored as a record after {@code base}: same format, lineage, app and stage. */
    static boolean follows(State base, State next) {
        return base.formatVersion() == next.formatVersion() && base.lineage().equals(next.lineage())
                && base.app().equals(next.app()) && base.stage().equals(next.stage());
    }

    static String delta(int record, State base, State next) {
        return delta(record, base, next, StateCodec::resourceJson);
    }

    /** The record of what changed from {@code base} to {@code next}, each resource put as {@code resourceJson} gives it. */
    static String delta(int record, State base, State next, Function<ResourceState, String> resourceJson) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = StateCodec.COMPACT.createGenerator(out)) {
            g.writeStartObject();
            if (next.lastChange() != null) g.writeObjectField("lastChange", StateCodec.lastChangeDoc(next.lastChange()));
            g.writeArrayFieldStart("put");
            for (ResourceState r : next.resources().values()) {
                ResourceState before = base.resources().get(r.address());
                if (before != r && !r.equals(before)) g.writeRawValue(resourceJson.apply(r));
            }
            g.writeEndArray();
            g.writeNumberField("record", record);
            g.writeArrayFieldStart("remove");
            for (String a : base.resources().keySet()) if (!next.resources().containsKey(a)) g.writeString(a);
            g.writeEndArray();
            g.writeNumberField("serial", next.serial());
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new StateException("cannot serialise a state journal record: " + e.getMessage(), e);
        }
        return out.toString();
    }

    static String seal(int record) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("record", record);
        doc.put("seal", true);
        return json(doc);
    }

    static JsonNode parse(String json, int expectedRecord) {
        JsonNode n = StateCodec.tree(json);
        if (n == null || n.path("record").asInt(-1) != expectedRecord)
            throw new StateException("state journal record " + expectedRecord + " is malformed; restore the previous version");
        return n;
    }

    static boolean isSeal(JsonNode record) {
        return record.path("seal").asBoolean(false);
    }

    /** {@code s} with the record's changes applied. */
    static State apply(State s, JsonNode record) {
        ResourceMap resources = ResourceMap.of(s.resources());
        for (JsonNode r : record.path("put")) {
            ResourceState rs = StateCodec.resource(r);
            resources = resources.plus(rs.address(), rs);
        }
        for (JsonNode a : record.path("remove")) resources = resources.minus(a.asText());
        LastChange change = record.has("lastChange") ? StateCodec.lastChange(record.get("lastChange")) : s.lastChange();
        return new State(s.formatVersion(), record.path("serial").asLong(s.serial()), s.lineage(), s.app(), s.stage(), resources, change);
    }

    private static String json(Map<String, Object> doc) {
        try {
            return StateCodec.COMPACT.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new StateException("cannot serialise a state journal record: " + e.getOriginalMessage(), e);
        }
    }
}

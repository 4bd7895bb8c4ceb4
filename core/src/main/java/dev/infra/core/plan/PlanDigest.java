package dev.infra.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 digests that tie a saved plan to what it shows and to what it was made from: of a JSON document in its
 * canonical form (keys sorted at every level, no insignificant whitespace), so the digest a file carries proves no
 * value, diff, action or address in it was edited; and of the expanded app (every resource's address, type,
 * component, inputs with their references, and dependencies), so a plan made from another infra.yaml, stage or
 * build context is told apart from one made from the current one.
 */
public final class PlanDigest {
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlanDigest() { }

    /** The digest of a document (a plan file's, without its own {@code digest} field). */
    public static String of(Object document) {
        try {
            return sha256(CANONICAL.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot digest a plan document", e);
        }
    }

    /** The digest of the expanded app a plan is made from. */
    public static String of(DesiredApp app) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("app", app.config().app());
        doc.put("stage", app.config().stage());
        doc.put("region", app.config().region());
        List<Object> resources = new ArrayList<>();
        for (DesiredResource r : app.resources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", r.address());
            m.put("type", r.type());
            m.put("component", r.component());
            m.put("inputs", PlanJson.encode(r.inputs()));
            m.put("dependencies", List.copyOf(new java.util.TreeSet<>(app.graph().dependenciesOf(r.address()))));
            resources.add(m);
        }
        doc.put("resources", resources);
        return of(doc);
    }

    private static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

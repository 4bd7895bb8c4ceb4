package dev.infra.core.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.infra.core.parse.Field;
import dev.infra.core.parse.Fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of infra.yaml, generated from the parser's field table ({@link Fields}), so the
 * schema editors check against and the validator cannot disagree on keys, kinds, enums or defaults.
 */
public final class InfraYamlSchema {
    private static final String DURATION = "^(\\d+[smhd])+$";

    private InfraYamlSchema() { }

    public static String render() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "infra.yaml");
        root.put("description", "An infra app definition, format version 1");
        Map<String, Object> top = object(Fields.TOP);
        @SuppressWarnings("unchecked") Map<String, Object> props = (Map<String, Object>) top.get("properties");
        props.put("stages", Map.of("type", "object", "description", "stages by name or glob (preview-*)",
                "additionalProperties", object(Fields.STAGE)));
        props.put("resources", Map.of("type", "object", "description", "the app's components by name",
                "additionalProperties", Map.of("oneOf", components())));
        root.putAll(top);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> components() {
        List<Object> out = new ArrayList<>();
        new java.util.TreeMap<>(Fields.COMPONENTS).forEach((type, fields) -> {
            Map<String, Object> o = object(fields);
            @SuppressWarnings("unchecked") Map<String, Object> props = (Map<String, Object>) o.get("properties");
            props.put("type", Map.of("const", type, "description", "component type"));
            o.put("title", type);
            out.add(o);
        });
        return out;
    }

    private static Map<String, Object> object(Map<String, Field> fields) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        fields.values().forEach(f -> {
            props.put(f.key(), property(f));
            if (f.required()) required.add(f.key());
        });
        o.put("properties", props);
        if (!required.isEmpty()) o.put("required", required);
        o.put("additionalProperties", false);
        return o;
    }

    private static Map<String, Object> property(Field f) {
        Map<String, Object> p = new LinkedHashMap<>(switch (f.kind()) {
            case STRING -> Map.of("type", "string");
            case INT -> Map.of("type", "integer");
            case NUMBER -> Map.of("type", "number");
            case BOOL -> Map.of("type", "boolean");
            case DURATION -> Map.of("type", "string", "pattern", DURATION);
            case ENUM -> Map.of("enum", f.values());
            case STRING_LIST -> Map.of("type", "array", "items", Map.of("type", "string"));
            case STRING_MAP -> Map.of("type", "object", "additionalProperties", Map.of("type", "string"));
            case OBJECT -> object(f.children());
            case OBJECT_LIST -> Map.of("type", "array", "items", object(f.children()));
            case IMAGE -> Map.of("oneOf", List.of(Map.of("type", "string"), object(Fields.IMAGE_BUILD)));
            case NAMED_MAP, ANY_MAP -> Map.of("type", "object");
        });
        p.put("description", f.description());
        if (f.defaultValue() != null && f.kind() != Field.Kind.OBJECT) p.put("default", f.defaultValue().replace("\"\"", ""));
        return p;
    }
}

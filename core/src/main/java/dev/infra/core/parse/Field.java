package dev.infra.core.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key of infra.yaml in the declarative field table ({@link Fields}). The table drives the shape check, the
 * defaults pass and the JSON Schema, so the three cannot drift apart.
 *
 * @param kind         value kind
 * @param required     must be present
 * @param defaultValue YAML text of the default (null: none); for OBJECT, {@code "{}"} means "create when absent"
 * @param values       allowed values for ENUM
 * @param children     keys of an OBJECT, or of each element of an OBJECT_LIST, or of each value of a NAMED_MAP
 */
public record Field(String key, Kind kind, boolean required, String defaultValue, List<String> values,
                    Map<String, Field> children, String description) {

    public enum Kind { STRING, INT, NUMBER, BOOL, DURATION, ENUM, STRING_LIST, STRING_MAP, OBJECT, OBJECT_LIST, IMAGE, NAMED_MAP, ANY_MAP }

    public Field {
        values = List.copyOf(values);
        children = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    static Field of(String key, Kind kind, String description) {
        return new Field(key, kind, false, null, List.of(), Map.of(), description);
    }

    Field req() {
        return new Field(key, kind, true, defaultValue, values, children, description);
    }

    Field def(String yamlDefault) {
        return new Field(key, kind, required, yamlDefault, values, children, description);
    }

    static Field enumOf(String key, String description, String... allowed) {
        return new Field(key, Kind.ENUM, false, null, List.of(allowed), Map.of(), description);
    }

    static Field object(String key, String description, Field... kids) {
        return new Field(key, Kind.OBJECT, false, null, List.of(), index(kids), description);
    }

    static Field objectList(String key, String description, Field... kids) {
        return new Field(key, Kind.OBJECT_LIST, false, null, List.of(), index(kids), description);
    }

    static Map<String, Field> index(Field... fields) {
        Map<String, Field> m = new LinkedHashMap<>();
        for (Field f : fields) m.put(f.key(), f);
        return m;
    }
}

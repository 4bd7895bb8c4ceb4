package dev.infra.core.schema;

/** The JSON Schema of infra.yaml. SKELETON: the parser work replaces this body. */
public final class JsonSchema {
    private JsonSchema() { }

    /** The schema document, pretty-printed JSON. */
    public static String render() {
        throw new IllegalStateException("skeleton");
    }
}

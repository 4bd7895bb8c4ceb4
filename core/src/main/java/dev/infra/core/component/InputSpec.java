package dev.infra.core.component;

import dev.infra.core.ref.Concat;
import dev.infra.core.ref.Ref;

import java.util.List;
import java.util.Map;

/**
 * One declared input of a resource type: its kind and whether every resource of the type must give it. Written
 * {@code "key:kind"} (required) or {@code "key:kind?"} (optional) in a schema's declaration.
 */
public record InputSpec(String key, Kind kind, boolean required) {
    public enum Kind { STRING, NUMBER, BOOLEAN, LIST, OBJECT }

    /** Parses {@code "key:kind"} or {@code "key:kind?"}, e.g. {@code "fromPort:number"}, {@code "userData:string?"}. */
    public static InputSpec parse(String declaration) {
        int colon = declaration.indexOf(':');
        if (colon < 1) throw new IllegalArgumentException("an input is declared key:kind, not " + declaration);
        boolean optional = declaration.endsWith("?");
        String kind = declaration.substring(colon + 1, declaration.length() - (optional ? 1 : 0));
        return new InputSpec(declaration.substring(0, colon), Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), !optional);
    }

    /** Whether a value emitted for this input has its kind; a reference or concatenation is resolved later, so it may. */
    public boolean accepts(Object v) {
        if (v instanceof Ref || v instanceof Concat) return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.LIST;
        return switch (kind) {
            case STRING -> v instanceof String;
            case NUMBER -> v instanceof Number;
            case BOOLEAN -> v instanceof Boolean;
            case LIST -> v instanceof List<?>;
            case OBJECT -> v instanceof Map<?, ?>;
        };
    }
}

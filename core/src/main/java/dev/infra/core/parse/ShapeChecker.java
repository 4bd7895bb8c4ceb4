package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostics;
import dev.infra.core.parse.YNode.YList;
import dev.infra.core.parse.YNode.YMap;
import dev.infra.core.parse.YNode.YScalar;

import java.util.Map;
import java.util.regex.Pattern;

/** Checks a tree against the field table: unknown keys (with "did you mean"), missing keys, value kinds. */
final class ShapeChecker {
    private static final Pattern INT = Pattern.compile("-?\\d{1,9}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private final Diagnostics diags;

    ShapeChecker(Diagnostics diags) {
        this.diags = diags;
    }

    void checkMap(YMap map, Map<String, Field> fields, String path) {
        map.entries().forEach((key, value) -> {
            Field f = fields.get(key);
            String p = join(path, key);
            if (f == null) diags.error(p, map.posOf(key), "unknown key '" + key + "'", Suggest.hint(key, fields.keySet()));
            else checkValue(value, f, p);
        });
        fields.values().stream().filter(Field::required).filter(f -> map.get(f.key()) == null)
                .forEach(f -> diags.error(join(path, f.key()), map.pos(), "missing required key '" + f.key() + "'",
                        "add " + f.key() + ": (" + f.description() + ")"));
    }

    void checkValue(YNode v, Field f, String path) {
        switch (f.kind()) {
            case STRING -> scalar(v, path, "text");
            case INT -> matches(v, path, INT, "a whole number");
            case NUMBER -> matches(v, path, NUMBER, "a number");
            case BOOL -> matches(v, path, Pattern.compile("true|false"), "true or false");
            case DURATION -> duration(v, path);
            case ENUM -> enumValue(v, f, path);
            case STRING_LIST -> list(v, path);
            case STRING_MAP -> stringMap(v, path);
            case OBJECT -> object(v, f, path);
            case OBJECT_LIST -> objectList(v, f, path);
            case IMAGE -> image(v, path);
            case NAMED_MAP, ANY_MAP -> isMap(v, path, "a mapping");
        }
    }

    private boolean scalar(YNode v, String path, String what) {
        if (v instanceof YScalar) return true;
        diags.error(path, v.pos(), "expected " + what + ", found a " + (v instanceof YList ? "list" : "mapping"), "");
        return false;
    }

    private void matches(YNode v, String path, Pattern p, String what) {
        if (scalar(v, path, what) && !(((YScalar) v).plain() && p.matcher(((YScalar) v).value()).matches())) {
            diags.error(path, v.pos(), "expected " + what + ", found '" + ((YScalar) v).value() + "'", "");
        }
    }

    private void duration(YNode v, String path) {
        if (scalar(v, path, "a duration") && Durations.parse(((YScalar) v).value()).isEmpty()) {
            diags.error(path, v.pos(), "expected a duration, found '" + ((YScalar) v).value() + "'", "write e.g. 30s, 20m, 1h");
        }
    }

    private void enumValue(YNode v, Field f, String path) {
        if (scalar(v, path, "one of " + f.values()) && !f.values().contains(((YScalar) v).value())) {
            diags.error(path, v.pos(), "'" + ((YScalar) v).value() + "' is not a valid " + f.key(),
                    Suggest.hint(((YScalar) v).value(), f.values()));
        }
    }

    private void list(YNode v, String path) {
        if (!(v instanceof YList l)) {
            diags.error(path, v.pos(), "expected a list", "write [a, b] or one '- item' per line");
            return;
        }
        for (int i = 0; i < l.items().size(); i++) scalar(l.items().get(i), path + "[" + i + "]", "text");
    }

    private void stringMap(YNode v, String path) {
        if (isMap(v, path, "a mapping of names to values")) {
            ((YMap) v).entries().forEach((k, val) -> scalar(val, join(path, k), "text"));
        }
    }

    private void object(YNode v, Field f, String path) {
        if (isMap(v, path, "a mapping")) checkMap((YMap) v, f.children(), path);
    }

    private void objectList(YNode v, Field f, String path) {
        if (!(v instanceof YList l)) {
            diags.error(path, v.pos(), "expected a list", "");
            return;
        }
        for (int i = 0; i < l.items().size(); i++) {
            YNode item = l.items().get(i);
            if (isMap(item, path + "[" + i + "]", "a mapping")) checkMap((YMap) item, f.children(), path + "[" + i + "]");
        }
    }

    private void image(YNode v, String path) {
        if (v instanceof YMap m) checkMap(m, Fields.IMAGE_BUILD, path);
        else scalar(v, path, "an image URI or {context, dockerfile}");
    }

    private boolean isMap(YNode v, String path, String what) {
        if (v instanceof YMap) return true;
        diags.error(path, v.pos(), "expected " + what, "");
        return false;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}

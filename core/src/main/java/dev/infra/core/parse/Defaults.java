package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostics;
import dev.infra.core.parse.YNode.YList;
import dev.infra.core.parse.YNode.YMap;
import dev.infra.core.parse.YNode.YScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The defaults pass: fills absent keys from the field table ({@link Field#defaultValue()}) plus the two defaults
 * that depend on other values (aurora version by engine, database name from the app name). Runs after the shape
 * check and before binding; the validator never applies defaults.
 */
final class Defaults {
    static final String POSTGRES_VERSION = "17.4";
    static final String MYSQL_VERSION = "8.0.mysql_aurora.3.08.0";

    private Defaults() { }

    static YMap apply(YMap map, Map<String, Field> fields) {
        YMap out = map;
        for (Field f : fields.values()) {
            YNode present = out.get(f.key());
            if (present == null && f.defaultValue() != null) {
                out = out.with(f.key(), f.kind() == Field.Kind.OBJECT ? apply(emptyAt(map), f.children())
                        : parseDefault(f.defaultValue(), map), map.pos());
            } else if (present instanceof YMap m && f.kind() == Field.Kind.OBJECT) {
                out = out.with(f.key(), apply(m, f.children()), map.pos());
            } else if (present instanceof YMap m && f.kind() == Field.Kind.IMAGE) {
                out = out.with(f.key(), apply(m, Fields.IMAGE_BUILD), map.pos());
            } else if (present instanceof YList l && f.kind() == Field.Kind.OBJECT_LIST) {
                List<YNode> items = new ArrayList<>();
                l.items().forEach(i -> items.add(i instanceof YMap im ? apply(im, f.children()) : i));
                out = out.with(f.key(), new YList(items, l.pos()), map.pos());
            }
        }
        return out;
    }

    /** Component defaults that depend on other values. */
    static YMap applyDerived(YMap resource, String app) {
        if (!(resource.get("type") instanceof YScalar t) || !"aurora".equals(t.value())) return resource;
        YMap out = resource;
        if (out.get("version") == null) {
            boolean mysql = out.get("engine") instanceof YScalar e && "mysql".equals(e.value());
            out = out.with("version", new YScalar(mysql ? MYSQL_VERSION : POSTGRES_VERSION, false, resource.pos()), resource.pos());
        }
        if (out.get("database") == null) out = out.with("database", new YScalar(app.replace('-', '_'), false, resource.pos()), resource.pos());
        return out;
    }

    private static YMap emptyAt(YMap parent) {
        return new YMap(Map.of(), Map.of(), parent.pos());
    }

    private static YNode parseDefault(String yaml, YMap at) {
        Diagnostics ignored = new Diagnostics();
        if (yaml.startsWith("[") || yaml.startsWith("{")) {
            YMap wrapper = YamlTree.parse("v: " + yaml, at.pos().file(), ignored).orElseThrow();
            return relocate(wrapper.get("v"), at);
        }
        if (yaml.equals("\"\"")) return new YScalar("", false, at.pos());
        return new YScalar(yaml, true, at.pos());
    }

    private static YNode relocate(YNode n, YMap at) {
        if (n instanceof YScalar s) return new YScalar(s.value(), s.plain(), at.pos());
        if (n instanceof YList l) return new YList(l.items().stream().map(i -> relocate(i, at)).toList(), at.pos());
        return new YMap(((YMap) n).entries(), Map.of(), at.pos());
    }
}

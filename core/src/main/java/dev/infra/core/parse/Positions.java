package dev.infra.core.parse;

import dev.infra.core.diag.Pos;
import dev.infra.core.model.SourceMap;
import dev.infra.core.parse.YNode.YList;
import dev.infra.core.parse.YNode.YMap;

import java.util.HashMap;
import java.util.Map;

/** Collects the position of every YAML path of a tree into a {@link SourceMap}. */
final class Positions {
    private Positions() { }

    static SourceMap of(String file, YMap root) {
        Map<String, Pos> out = new HashMap<>();
        walk(root, "", out);
        return new SourceMap(file, out);
    }

    private static void walk(YNode n, String path, Map<String, Pos> out) {
        if (n instanceof YMap m) {
            m.entries().forEach((k, v) -> {
                String p = ShapeChecker.join(path, k);
                out.put(p, v instanceof YNode.YScalar ? v.pos() : m.posOf(k));
                walk(v, p, out);
            });
        } else if (n instanceof YList l) {
            for (int i = 0; i < l.items().size(); i++) {
                out.put(path + "[" + i + "]", l.items().get(i).pos());
                walk(l.items().get(i), path + "[" + i + "]", out);
            }
        }
    }
}

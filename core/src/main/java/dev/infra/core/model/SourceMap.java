package dev.infra.core.model;

import dev.infra.core.diag.Pos;

import java.util.Map;

/** Positions of YAML paths ({@code resources.erp.link[0]}) in the file they came from. */
public record SourceMap(String file, Map<String, Pos> positions) {
    public static final SourceMap EMPTY = new SourceMap("", Map.of());

    public SourceMap {
        positions = Map.copyOf(positions);
    }

    /** The position of the path, else of its nearest ancestor, else the file itself. */
    public Pos at(String path) {
        String p = path;
        while (true) {
            Pos pos = positions.get(p);
            if (pos != null) return pos;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) return new Pos(file, 0, 0);
            p = p.substring(0, cut);
        }
    }
}

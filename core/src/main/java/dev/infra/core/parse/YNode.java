package dev.infra.core.parse;

import dev.infra.core.diag.Pos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML node with its position: the tree the parser passes work on (merge, interpolate, check, bind). */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {
    Pos pos();

    /** {@code plain} is false for quoted scalars: {@code "17.4"} is text, {@code 17.4} may be a number. */
    record YScalar(String value, boolean plain, Pos pos) implements YNode { }

    record YList(List<YNode> items, Pos pos) implements YNode {
        public YList {
            items = List.copyOf(items);
        }
    }

    /** Entries in file order; {@code keyPos} is where each key stands. */
    record YMap(Map<String, YNode> entries, Map<String, Pos> keyPos, Pos pos) implements YNode {
        public YMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyPos = Map.copyOf(keyPos);
        }

        public YNode get(String key) {
            return entries.get(key);
        }

        public Pos posOf(String key) {
            return keyPos.getOrDefault(key, pos);
        }

        public YMap with(String key, YNode value, Pos keyPosition) {
            Map<String, YNode> e = new LinkedHashMap<>(entries);
            e.put(key, value);
            Map<String, Pos> k = new LinkedHashMap<>(keyPos);
            k.putIfAbsent(key, keyPosition);
            return new YMap(e, k, pos);
        }
    }
}

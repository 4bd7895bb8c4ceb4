package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostics;
import dev.infra.core.diag.Pos;
import dev.infra.core.parse.YNode.YMap;
import dev.infra.core.parse.YNode.YScalar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks the stage entry (an exact name wins, else the first glob that matches, in file order) and deep-merges its
 * overrides over {@code resources:} (maps merge key by key; scalars and lists replace). Merged values keep the
 * override's position, so errors point at the line that set them.
 */
final class StageResolver {
    static final Pattern STAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
    private static final Pattern STAGE_KEY = Pattern.compile("[a-z0-9*][a-z0-9*-]{0,29}");

    record Resolved(YMap resources, String region, boolean protect) { }

    private final Diagnostics diags;

    StageResolver(Diagnostics diags) {
        this.diags = diags;
    }

    Resolved resolve(YMap root, String stage, String appRegion) {
        YMap resources = root.get("resources") instanceof YMap r ? r : new YMap(Map.of(), Map.of(), root.pos());
        if (!(root.get("stages") instanceof YMap stages)) return new Resolved(resources, appRegion, false);
        ShapeChecker shape = new ShapeChecker(diags);
        stages.entries().forEach((key, v) -> {
            if (!STAGE_KEY.matcher(key).matches()) {
                diags.error("stages." + key, stages.posOf(key), "bad stage name or glob '" + key + "'",
                        "use lowercase letters, digits, '-' and '*', at most 30 characters");
            }
            shape.checkValue(v, Field.object(key, "stage", Fields.STAGE.values().toArray(Field[]::new)), "stages." + key);
        });
        String key = match(stages, stage);
        if (key == null || !(stages.get(key) instanceof YMap entry)) return new Resolved(resources, appRegion, false);
        String region = entry.get("region") instanceof YScalar s ? s.value() : appRegion;
        boolean protect = entry.get("protect") instanceof YScalar s && "true".equals(s.value());
        if (entry.get("overrides") instanceof YMap overrides) resources = merge(resources, overrides, "stages." + key + ".overrides");
        return new Resolved(resources, region, protect);
    }

    static String match(YMap stages, String stage) {
        if (stages.entries().containsKey(stage)) return stage;
        for (String key : stages.entries().keySet()) {
            if (key.contains("*") && stage.matches(Pattern.quote(key).replace("*", "\\E.*\\Q"))) return key;
        }
        return null;
    }

    private YMap merge(YMap resources, YMap overrides, String path) {
        YMap out = resources;
        for (Map.Entry<String, YNode> e : overrides.entries().entrySet()) {
            YNode base = resources.get(e.getKey());
            if (base == null) {
                diags.error(path + "." + e.getKey(), overrides.posOf(e.getKey()), "override names unknown resource '"
                        + e.getKey() + "'", Suggest.hint(e.getKey(), resources.entries().keySet()));
                continue;
            }
            out = out.with(e.getKey(), deepMerge(base, e.getValue()), overrides.posOf(e.getKey()));
        }
        return out;
    }

    static YNode deepMerge(YNode base, YNode over) {
        if (!(base instanceof YMap b) || !(over instanceof YMap o)) return over;
        Map<String, YNode> entries = new LinkedHashMap<>(b.entries());
        Map<String, Pos> keys = new LinkedHashMap<>(b.keyPos());
        o.entries().forEach((k, v) -> {
            entries.put(k, entries.containsKey(k) ? deepMerge(entries.get(k), v) : v);
            keys.put(k, o.posOf(k));
        });
        return new YMap(entries, keys, b.pos());
    }
}

package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostics;
import dev.infra.core.diag.Pos;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * YAML text → {@link YNode} tree with positions. Refuses what could blow up: files over {@link #MAX_BYTES}, deep
 * nesting, many aliases, and alias expansion past {@link #MAX_NODES} nodes. Duplicate keys are diagnostics.
 */
public final class YamlTree {
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_NODES = 200_000;
    private final String file;
    private final Diagnostics diags;
    private int nodes;

    private YamlTree(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    /** The root mapping, or empty with diagnostics added. */
    public static Optional<YNode.YMap> parse(String text, String file, Diagnostics diags) {
        if (text.length() > MAX_BYTES) {
            diags.error("", new Pos(file, 1, 1), "file is larger than 1 MiB", "an app definition is a few kilobytes; check the file name");
            return Optional.empty();
        }
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(50);
        opts.setNestingDepthLimit(64);
        opts.setCodePointLimit(MAX_BYTES);
        opts.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(opts),
                    new org.yaml.snakeyaml.representer.Representer(new DumperOptions()), new DumperOptions(), opts)
                    .compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diags.error("", pos(file, m), "YAML syntax: " + oneLine(e.getProblem()), "fix the YAML syntax at this position");
            return Optional.empty();
        } catch (YAMLException e) {
            diags.error("", new Pos(file, 1, 1), "YAML refused: " + oneLine(e.getMessage()),
                    "aliases are limited to 50 and nesting to 64 levels");
            return Optional.empty();
        }
        if (!(root instanceof MappingNode)) {
            diags.error("", new Pos(file, 1, 1), "the file must be a YAML mapping (app:, region:, resources: ...)", "see infra schema");
            return Optional.empty();
        }
        YamlTree t = new YamlTree(file, diags);
        try {
            return Optional.of((YNode.YMap) t.convert(root, ""));
        } catch (TooLarge e) {
            diags.error("", new Pos(file, 1, 1), "YAML expands to more than " + MAX_NODES + " nodes (alias bomb?)",
                    "remove the repeated aliases");
            return Optional.empty();
        }
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private YNode convert(Node n, String path) {
        if (++nodes > MAX_NODES) throw new TooLarge();
        Pos p = pos(file, n.getStartMark());
        if (n instanceof ScalarNode s) return new YNode.YScalar(s.getValue(), s.isPlain(), p);
        if (n instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) items.add(convert(seq.getValue().get(i), path + "[" + i + "]"));
            return new YNode.YList(items, p);
        }
        MappingNode m = (MappingNode) n;
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Pos> keyPos = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Pos kp = pos(file, t.getKeyNode().getStartMark());
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                diags.error(path, kp, "keys must be plain text", "");
                continue;
            }
            String key = k.getValue();
            String child = path.isEmpty() ? key : path + "." + key;
            if ("<<".equals(key)) {
                diags.error(child, kp, "YAML merge keys (<<) are not supported", "write the keys out, or use stage overrides");
                continue;
            }
            if (entries.containsKey(key)) {
                diags.error(child, kp, "duplicate key '" + key + "' (first at line " + keyPos.get(key).line() + ")",
                        "remove one of them");
                continue;
            }
            keyPos.put(key, kp);
            entries.put(key, convert(t.getValueNode(), child));
        }
        return new YNode.YMap(entries, keyPos, p);
    }

    private static Pos pos(String file, Mark m) {
        return m == null ? new Pos(file, 1, 1) : new Pos(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}

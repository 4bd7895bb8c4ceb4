package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostics;
import dev.infra.core.parse.YNode.YList;
import dev.infra.core.parse.YNode.YMap;
import dev.infra.core.parse.YNode.YScalar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${app}}, {@code ${stage}}, {@code ${region}} and {@code ${env.NAME}} in every string. Component
 * references ({@code ${name.attr}}) are left as text where they are allowed (service environment values) and are a
 * diagnostic anywhere else; secrets are never interpolated.
 */
final class Interpolator {
    static final Pattern REF = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ENV_REF_PATH = Pattern.compile("resources\\.[^.]+\\.environment\\.[^.]+");
    private final Map<String, String> vars;
    private final Map<String, String> env;
    private final Set<String> secrets;
    private final Diagnostics diags;

    Interpolator(Map<String, String> vars, Map<String, String> env, Set<String> secrets, Diagnostics diags) {
        this.vars = vars;
        this.env = env;
        this.secrets = secrets;
        this.diags = diags;
    }

    YNode apply(YNode node, String path) {
        if (node instanceof YScalar s) return new YScalar(substitute(s, path), s.plain(), s.pos());
        if (node instanceof YList l) {
            List<YNode> items = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) items.add(apply(l.items().get(i), path + "[" + i + "]"));
            return new YList(items, l.pos());
        }
        YMap m = (YMap) node;
        Map<String, YNode> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, apply(v, ShapeChecker.join(path, k))));
        return new YMap(out, m.keyPos(), m.pos());
    }

    private String substitute(YScalar s, String path) {
        if (!s.value().contains("${")) return s.value();
        Matcher m = REF.matcher(s.value());
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(replacement(m.group(1).trim(), m.group(), s, path)));
        m.appendTail(sb);
        return sb.toString();
    }

    private String replacement(String ref, String whole, YScalar s, String path) {
        if (vars.containsKey(ref)) return vars.get(ref);
        if (ref.startsWith("env.")) {
            String value = env.get(ref.substring(4));
            if (value == null) diags.error(path, s.pos(), "environment variable " + ref.substring(4) + " is not set",
                    "export it before running infra, or remove " + whole);
            return value == null ? "" : value;
        }
        if (secrets.contains(ref)) {
            diags.error(path, s.pos(), "secret " + ref + " cannot be interpolated: secrets are never put in plaintext fields",
                    "list it under the service's secrets: to inject it with valueFrom");
            return "";
        }
        if (ref.matches("[a-z][a-z0-9-]*\\.[A-Za-z]+")) {
            if (!ENV_REF_PATH.matcher(path).matches()) diags.error(path, s.pos(), "reference " + whole
                    + " is only allowed in a service's environment values", "move it to environment:");
            return whole;
        }
        diags.error(path, s.pos(), "unknown reference " + whole,
                "use ${app}, ${stage}, ${region}, ${env.NAME} or ${resource.attribute}");
        return "";
    }
}

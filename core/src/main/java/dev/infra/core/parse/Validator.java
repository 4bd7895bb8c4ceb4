package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostics;
import dev.infra.core.graph.CycleException;
import dev.infra.core.graph.ResourceGraph;
import dev.infra.core.model.AppConfig;
import dev.infra.core.model.AuroraDef;
import dev.infra.core.model.ClusterDef;
import dev.infra.core.model.ComponentAttributes;
import dev.infra.core.model.ResourceDef;
import dev.infra.core.model.ServiceDef;
import dev.infra.core.model.VpcDef;
import dev.infra.core.model.WafDef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic checks on the typed, defaulted config: names, ranges, AWS rules, references, cycles. Adds no defaults. */
final class Validator {
    static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    static final Pattern RESOURCE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    static final Pattern SECRETS_PATH = Pattern.compile("/([A-Za-z0-9_.\\-]|\\{app}|\\{stage}|\\{name}|/)*");
    private final AppConfig c;
    private final Diagnostics d;
    private final Path baseDir;
    private final Map<String, List<String>> edges = new LinkedHashMap<>();

    Validator(AppConfig config, Path baseDir, Diagnostics diags) {
        this.c = config;
        this.d = diags;
        this.baseDir = baseDir;
    }

    void run() {
        if (!APP_NAME.matcher(c.app()).matches()) err("app", "bad app name '" + c.app() + "'", "use [a-z][a-z0-9-]{1,30}");
        if (!AwsRules.REGIONS.contains(c.region())) err("region", "unknown region '" + c.region() + "'", Suggest.hint(c.region(), AwsRules.REGIONS));
        for (int i = 0; i < c.secrets().size(); i++) {
            String s = c.secrets().get(i);
            if (!SECRET_NAME.matcher(s).matches()) err("secrets[" + i + "]", "bad secret name '" + s + "'", "use letters, digits and _");
            if (c.secrets().indexOf(s) != i) err("secrets[" + i + "]", "secret " + s + " is declared twice", "remove one");
        }
        secretsPath();
        c.resources().forEach((name, def) -> {
            edges.put(name, new ArrayList<>());
            if (!RESOURCE_NAME.matcher(name).matches()) err("resources." + name, "bad resource name '" + name + "'",
                    "use lowercase letters, digits and '-', starting with a letter, at most 30 characters");
            check(def);
        });
        cycles();
    }

    /** An SSM parameter path with {name} exactly once, in its last segment, so a stage's secrets list by prefix. */
    private void secretsPath() {
        String t = c.secretsPath();
        int at = t.indexOf("{name}");
        if (!SECRETS_PATH.matcher(t).matches() || at < 0 || at != t.lastIndexOf("{name}") || t.indexOf('/', at) >= 0)
            err("secretsPath", "bad secrets path '" + t + "'", "an SSM path starting with '/', with {name} once in its last segment, e.g. /{app}/{stage}/{name}");
    }

    private void check(ResourceDef def) {
        String p = "resources." + def.name();
        if (def instanceof VpcDef v) vpc(v, p);
        else if (def instanceof ClusterDef cl) ref(p + ".vpc", cl.name(), cl.vpc(), "vpc");
        else if (def instanceof AuroraDef a) aurora(a, p);
        else if (def instanceof ServiceDef s) new ServiceChecks(this, s, p).run();
        else if (def instanceof WafDef w) waf(w, p);
    }

    private void vpc(VpcDef v, String p) {
        int prefix = AwsRules.cidrPrefix(v.cidr());
        if (prefix < 0) err(p + ".cidr", "'" + v.cidr() + "' is not a network CIDR", "write e.g. 10.0.0.0/16 (no host bits set)");
        else if (prefix < 16 || prefix > 24) err(p + ".cidr", "VPC CIDR prefix /" + prefix + " is outside /16../24", "AWS allows /16 to /28; subnets need room");
        if (v.azs() < 1 || v.azs() > 6) err(p + ".azs", "azs must be 1 to 6, not " + v.azs(), "");
    }

    private void aurora(AuroraDef a, String p) {
        ref(p + ".vpc", a.name(), a.vpc(), "vpc");
        var s = a.scaling();
        if (s.min() < 0 || s.min() > 256 || s.min() * 2 != Math.floor(s.min() * 2)) err(p + ".scaling.min", "min ACUs must be 0 to 256 in steps of 0.5", "");
        if (s.max() < 1 || s.max() > 256 || s.max() * 2 != Math.floor(s.max() * 2)) err(p + ".scaling.max", "max ACUs must be 1 to 256 in steps of 0.5", "");
        if (s.min() > s.max()) err(p + ".scaling", "scaling min " + s.min() + " is above max " + s.max(), "");
        long pause = s.pauseAfter().toSeconds();
        if (s.min() == 0 && (pause < 300 || pause > 86400)) err(p + ".scaling.pauseAfter", "pauseAfter must be 5m to 24h", "");
        boolean postgres = a.engine() == AuroraDef.Engine.POSTGRES;
        if (s.min() == 0 && AwsRules.lacksAutoPause(postgres, a.version())) err(p + ".scaling.min", "min 0 ACUs (auto-pause) is not available on "
                + (postgres ? "Aurora PostgreSQL " : "Aurora MySQL ") + a.version(), "use min 0.5, or version " + AwsRules.autoPauseVersions(postgres));
        if (a.replicas() < 0 || a.replicas() > 15) err(p + ".replicas", "replicas must be 0 to 15", "");
        if (!a.database().matches("[A-Za-z][A-Za-z0-9_]{0,62}")) err(p + ".database", "bad database name '" + a.database() + "'", "letters, digits and _");
    }

    private void waf(WafDef w, String p) {
        for (int i = 0; i < w.protect().size(); i++) {
            String target = w.protect().get(i);
            if (ref(p + ".protect[" + i + "]", w.name(), target, "service")
                    && ((ServiceDef) c.resources().get(target)).loadBalancer() == null) {
                err(p + ".protect[" + i + "]", "service " + target + " has no loadBalancer to protect", "add loadBalancer: to it");
            }
        }
        if (w.rateLimit() < 10 || w.rateLimit() > 2_000_000_000) err(p + ".rateLimit", "rateLimit must be 10 to 2,000,000,000", "");
        if (!Set.of(60, 120, 300, 600).contains(w.rateWindowSeconds())) err(p + ".rateWindow", "rateWindow must be 1m, 2m, 5m or 10m", "");
    }

    /** Checks that {@code target} names a resource of {@code kind} and records the edge; true when it does. */
    boolean ref(String path, String from, String target, String kind) {
        ResourceDef def = c.resources().get(target);
        if (def == null) {
            err(path, "'" + target + "' is not a resource", Suggest.hint(target, c.resources().keySet()));
            return false;
        }
        edges.get(from).add(target);
        if (!def.type().equals(kind) && !(kind.equals("aurora|service") && Set.of("aurora", "service").contains(def.type()))) {
            err(path, "'" + target + "' is a " + def.type() + ", expected a " + kind.replace("|", " or "), "");
            return false;
        }
        return true;
    }

    /** Validates {@code ${name.attr}} references inside a text value. */
    void textRefs(String path, String text) {
        Matcher m = Interpolator.REF.matcher(text);
        while (m.find()) {
            String[] parts = m.group(1).trim().split("\\.", 2);
            ResourceDef target = c.resources().get(parts[0]);
            if (target == null) err(path, "reference " + m.group() + " names no resource", Suggest.hint(parts[0], c.resources().keySet()));
            else if (!ComponentAttributes.of(target.type()).contains(parts[1])) err(path, "a " + target.type()
                    + " has no attribute '" + parts[1] + "'", Suggest.hint(parts[1], ComponentAttributes.of(target.type())));
        }
    }

    boolean secretDeclared(String name) {
        return c.secrets().contains(name);
    }

    Path baseDir() {
        return baseDir;
    }

    void err(String path, String summary, String hint) {
        d.error(path, c.sources().at(path), summary, hint);
    }

    private void cycles() {
        try {
            ResourceGraph.of(edges);
        } catch (CycleException e) {
            String first = e.cycle().get(0);
            err("resources." + first, "dependency cycle: " + String.join(" -> ", e.cycle()), "break one of these references");
        }
    }

    boolean fileMissing(String relative) {
        return !Files.exists(baseDir.resolve(relative));
    }
}

package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostics;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.diag.Pos;
import dev.infra.core.model.AppConfig;
import dev.infra.core.model.ResourceDef;
import dev.infra.core.parse.YNode.YMap;
import dev.infra.core.parse.YNode.YScalar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * infra.yaml → {@link AppConfig} for one stage. Passes, each reporting every problem it finds before stopping:
 * YAML with limits → shape check against {@link Fields} → stage selection and override merge → interpolation →
 * defaults → binding → semantic validation.
 */
public final class ConfigLoader {
    private ConfigLoader() { }

    public static AppConfig load(Path file, String stage, Map<String, String> env) {
        String text;
        try {
            if (Files.size(file) > YamlTree.MAX_BYTES) throw new InvalidInputException(file + ": file is larger than 1 MiB; an app definition is a few kilobytes");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " not found; run 'infra init' to write one, or pass -f FILE");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return loadString(text, file.toString(), stage, env, dir);
    }

    public static AppConfig loadString(String yaml, String fileName, String stage, Map<String, String> env) {
        return loadString(yaml, fileName, stage, env, Path.of("").toAbsolutePath());
    }

    /** @param baseDir directory that build contexts are relative to */
    public static AppConfig loadString(String yaml, String fileName, String stage, Map<String, String> env, Path baseDir) {
        Diagnostics d = new Diagnostics();
        if (!StageResolver.STAGE_NAME.matcher(stage).matches()) {
            d.error("--stage", Pos.UNKNOWN, "bad stage name '" + stage + "'", "use lowercase letters, digits and '-', at most 30 characters");
        }
        YMap root = YamlTree.parse(yaml, fileName, d).orElse(null);
        d.throwIfErrors();
        ShapeChecker shape = new ShapeChecker(d);
        shape.checkMap(root, Fields.TOP, "");
        checkResources(root.get("resources"), shape, d);
        d.throwIfErrors();

        String app = text(root, "app");
        String appRegion = text(root, "region");
        var resolved = new StageResolver(d).resolve(root, stage, appRegion);
        checkResources(resolved.resources(), shape, d);
        d.throwIfErrors();

        Set<String> secrets = Set.copyOf(Binder.strings(root, "secrets"));
        var vars = Map.of("app", app, "stage", stage, "region", resolved.region());
        Interpolator interp = new Interpolator(vars, env, secrets, d);
        YMap resources = (YMap) interp.apply(resolved.resources(), "resources");
        YMap top = Defaults.apply(root, Fields.TOP);
        top = top.with("state", interp.apply(top.get("state"), "state"), top.posOf("state"));
        d.throwIfErrors();

        Map<String, ResourceDef> defs = new LinkedHashMap<>();
        Map<String, YNode> finalResources = new LinkedHashMap<>();
        resources.entries().forEach((name, node) -> {
            YMap r = Defaults.applyDerived((YMap) node, app);
            r = Defaults.apply(r, Fields.COMPONENTS.get(Binder.str(r, "type")));
            finalResources.put(name, r);
            defs.put(name, Binder.bind(name, r));
        });
        YMap whole = top.with("resources", new YMap(finalResources, resources.keyPos(), resources.pos()), top.posOf("resources"));
        AppConfig config = new AppConfig(app, stage, resolved.region(), resolved.protect(), text(top, "state"),
                Binder.strings(top, "secrets"), text(top, "secretsPath"), text(top, "kmsKey"), defs,
                Positions.of(fileName, whole));
        new Validator(config, baseDir, d).run();
        d.throwIfErrors();
        return config;
    }

    private static void checkResources(YNode node, ShapeChecker shape, Diagnostics d) {
        if (!(node instanceof YMap resources)) return;
        resources.entries().forEach((name, r) -> {
            String path = "resources." + name;
            if (!(r instanceof YMap m)) {
                d.error(path, r.pos(), "a resource must be a mapping with a type:", "");
                return;
            }
            if (!(m.get("type") instanceof YScalar t)) {
                d.error(path, m.pos(), "resource '" + name + "' has no type", "add type: one of " + String.join(", ", new java.util.TreeSet<>(Fields.COMPONENTS.keySet())));
                return;
            }
            var fields = Fields.COMPONENTS.get(t.value());
            if (fields == null) d.error(path + ".type", t.pos(), "unknown resource type '" + t.value() + "'", Suggest.hint(t.value(), Fields.COMPONENTS.keySet()));
            else shape.checkMap(m, fields, path);
        });
    }

    private static String text(YMap m, String key) {
        return m.get(key) instanceof YScalar s ? s.value() : "";
    }
}

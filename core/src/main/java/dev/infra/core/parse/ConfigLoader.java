package dev.infra.core.parse;

import dev.infra.core.model.AppConfig;

import java.nio.file.Path;
import java.util.Map;

/** Entry point: infra.yaml → {@link AppConfig} for one stage. SKELETON: the parser work replaces this body. */
public final class ConfigLoader {
    private ConfigLoader() { }

    /**
     * Parses, merges the stage's overrides, applies defaults, substitutes {@code ${app}}, {@code ${stage}},
     * {@code ${region}}, {@code ${env.NAME}} (from {@code env}) and validates.
     *
     * @throws dev.infra.core.diag.InvalidInputException with every problem found
     */
    public static AppConfig load(Path file, String stage, Map<String, String> env) {
        throw new IllegalStateException("skeleton");
    }
}

package dev.infra.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The starter app definitions {@code infra init} writes; {@code ${APP}} becomes the app name. */
public final class Templates {
    public static final List<String> NAMES = List.of("web", "web-db", "full");
    public static final String DEFAULT = "web";

    private Templates() { }

    public static Optional<String> render(String name, String app) {
        if (!NAMES.contains(name)) return Optional.empty();
        try (InputStream in = Templates.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) return Optional.empty();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${APP}", app));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

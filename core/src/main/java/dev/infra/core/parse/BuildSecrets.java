package dev.infra.core.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a {@code .env} file (or {@code .env.*}, examples aside) that an image build would send to Docker: one in the build context,
 * up to four levels down, that {@code .dockerignore} does not exclude ({@code .git} and {@code .infra} are never
 * looked into).
 */
final class BuildSecrets {
    private static final int DEPTH = 4;

    private BuildSecrets() { }

    /** {@code .env} and {@code .env.production}, say, but not the committed examples ({@code .env.example}). */
    static boolean secretFile(String name) {
        if (!name.equals(".env") && !name.startsWith(".env.")) return false;
        return !(name.endsWith(".example") || name.endsWith(".sample") || name.endsWith(".template") || name.endsWith(".dist"));
    }

    static Optional<String> exposed(Path context) {
        try (Stream<Path> walk = Files.walk(context, DEPTH)) {
            DockerIgnore ignore = DockerIgnore.of(context);
            return walk.filter(Files::isRegularFile).map(context::relativize)
                    .filter(p -> !p.startsWith(".git") && !p.startsWith(".infra") && !p.startsWith("node_modules"))
                    .filter(p -> secretFile(p.getFileName().toString()))
                    .filter(p -> !ignore.excludes(p)).map(p -> p.toString().replace('\\', '/')).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

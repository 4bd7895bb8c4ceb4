package dev.infra.core.parse;

import java.util.Optional;

/**
 * Finds a {@code .env} file (or {@code .env.*}, examples aside) that an image build would send to Docker: one of the
 * build context's entries ({@link BuildContext}, the same list the image's digest and the tar sent are made from).
 */
final class BuildSecrets {
    private BuildSecrets() { }

    /** {@code .env} and {@code .env.production}, say, but not the committed examples ({@code .env.example}). */
    static boolean secretFile(String name) {
        if (!name.equals(".env") && !name.startsWith(".env.")) return false;
        return !(name.endsWith(".example") || name.endsWith(".sample") || name.endsWith(".template") || name.endsWith(".dist"));
    }

    /** The first such file, by path, of the context for the Dockerfile {@code dockerfile}. */
    static Optional<String> exposed(BuildContext context) {
        return context.entries().stream().filter(e -> e.type() != BuildContext.Type.DIRECTORY)
                .map(BuildContext.Entry::path).filter(p -> secretFile(p.substring(p.lastIndexOf('/') + 1))).findFirst();
    }
}

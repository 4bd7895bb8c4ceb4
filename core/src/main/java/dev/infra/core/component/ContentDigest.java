package dev.infra.core.component;

import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.parse.DockerIgnore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content digest of a build context: SHA-256 over every file's relative path and bytes, in path order, skipping
 * {@code .git}, infra's own local state directory {@code .infra} (written by every deploy with file state, so it
 * would change the digest each time), and what {@code .dockerignore} excludes (glob lines; {@code !} re-includes).
 * The image tag is this digest, so an unchanged source plans no change and a changed one plans exactly one.
 */
public final class ContentDigest {
    private ContentDigest() { }

    public static String of(Path context, String dockerfile) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            DockerIgnore ignore = DockerIgnore.of(context);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(context)) {
                files = walk.filter(Files::isRegularFile).map(context::relativize)
                        .filter(p -> !p.startsWith(".git") && !p.startsWith(".infra") && !ignore.excludes(p)).sorted().toList();
            }
            sha.update(("dockerfile:" + dockerfile + "\n").getBytes());
            for (Path p : files) {
                sha.update((p.toString().replace('\\', '/') + "\n").getBytes());
                sha.update(Files.readAllBytes(context.resolve(p)));
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read build context " + context + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

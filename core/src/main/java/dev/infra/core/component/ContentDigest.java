package dev.infra.core.component;

import dev.infra.core.diag.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content digest of a build context: SHA-256 over the Dockerfile's name and every entry Docker is sent
 * ({@link BuildContext}: what {@code .dockerignore} leaves in, never {@code .infra} or {@code .git}), in path order:
 * each entry's type, permission bits, size and path, a file's bytes, a link's target. The image tag is this digest, so an
 * unchanged source plans no change and a changed one plans exactly one.
 */
public final class ContentDigest {
    private ContentDigest() { }

    public static String of(java.nio.file.Path context, String dockerfile) {
        return of(BuildContext.of(context, dockerfile));
    }

    public static String of(BuildContext context) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("dockerfile:" + context.dockerfile() + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[64 * 1024];
            for (BuildContext.Entry e : context.entries()) {
                long size = e.type() == BuildContext.Type.FILE ? Files.size(context.dir().resolve(e.path())) : 0;
                sha.update((e.type() + " " + Integer.toOctalString(e.mode()) + " " + size + " " + e.path() + "\n").getBytes(StandardCharsets.UTF_8));
                if (e.type() == BuildContext.Type.SYMLINK) sha.update((e.linkTarget() + "\n").getBytes(StandardCharsets.UTF_8));
                if (e.type() != BuildContext.Type.FILE) continue;
                try (InputStream in = Files.newInputStream(context.dir().resolve(e.path()))) {
                    for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read build context " + context.dir() + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

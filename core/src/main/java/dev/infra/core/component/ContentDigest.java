package dev.infra.core.component;

import dev.infra.core.parse.BuildContext;
import dev.infra.core.diag.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content digest of a build context: SHA-256 over the Dockerfile's name and every entry Docker is sent
 * ({@link BuildContext}: what {@code .dockerignore} leaves in, never {@code .infra} or {@code .git}), in path order:
 * each entry's type, permission bits, size and path, a file's bytes, a link's target. The image tag is this digest,
 * so an unchanged source plans no change and a changed one plans exactly one. A {@link Hasher} lets the writer of
 * the build's tar digest the very bytes it sends.
 */
public final class ContentDigest {
    private ContentDigest() { }

    public static String of(Path context, String dockerfile) {
        return of(BuildContext.of(context, dockerfile));
    }

    public static String of(BuildContext context) {
        Hasher hasher = new Hasher(context.dockerfile());
        try {
            for (BuildContext.Entry e : context.entries()) {
                Path file = context.dir().resolve(e.path());
                try (OutputStream out = hasher.entry(e, e.type() == BuildContext.Type.FILE ? Files.size(file) : 0)) {
                    if (e.type() == BuildContext.Type.FILE) try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                }
            }
            return hasher.digest();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read build context " + context.dir() + ": " + e.getMessage());
        }
    }

    /** Digests entries one by one: {@link #entry}, then a file's bytes written to the stream it returns. */
    public static final class Hasher {
        private final MessageDigest sha;

        public Hasher(String dockerfile) {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            update("dockerfile:" + dockerfile + "\n");
        }

        private void update(String s) {
            sha.update(s.getBytes(StandardCharsets.UTF_8));
        }

        /** Starts an entry of {@code size} bytes (0 unless a file); its bytes go to the returned stream. */
        public OutputStream entry(BuildContext.Entry e, long size) {
            update(e.type() + " " + Integer.toOctalString(e.mode()) + " " + size + " " + e.path() + "\n");
            if (e.type() == BuildContext.Type.SYMLINK) update(e.linkTarget() + "\n");
            return new OutputStream() {
                @Override
                public void write(int b) {
                    sha.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    sha.update(b, off, len);
                }
            };
        }

        public String digest() {
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        }
    }
}

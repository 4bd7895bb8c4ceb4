package dev.infra.providers.docker;

import dev.infra.core.parse.BuildContext;
import dev.infra.core.component.ContentDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tar of a build context that the engine receives: exactly the {@link BuildContext}'s entries, each file's bytes
 * digested as they are written, so the digest of what was sent can be checked against the tag it is pushed under.
 * No timestamps or owners: the same source gives the same tar.
 */
final class ContextTar {
    private ContextTar() { }

    /** Writes the tar of {@code context} to {@code out}; returns the content digest of what it wrote. */
    static String write(BuildContext context, OutputStream out) throws IOException {
        ContentDigest.Hasher hasher = new ContentDigest.Hasher(context.dockerfile());
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (BuildContext.Entry e : context.entries()) {
                Path file = context.dir().resolve(e.path());
                TarArchiveEntry t = header(e);
                if (e.type() == BuildContext.Type.FILE) t.setSize(Files.size(file));
                tar.putArchiveEntry(t);
                OutputStream digest = hasher.entry(e, t.getSize());
                if (e.type() == BuildContext.Type.FILE) copy(file, t.getSize(), tar, digest);
                tar.closeArchiveEntry();
            }
        }
        return hasher.digest();
    }

    private static TarArchiveEntry header(BuildContext.Entry e) {
        TarArchiveEntry t = switch (e.type()) {
            case DIRECTORY -> new TarArchiveEntry(e.path() + "/", TarConstants.LF_DIR);
            case SYMLINK -> {
                TarArchiveEntry link = new TarArchiveEntry(e.path(), TarConstants.LF_SYMLINK);
                link.setLinkName(e.linkTarget());
                yield link;
            }
            case FILE -> new TarArchiveEntry(e.path(), TarConstants.LF_NORMAL);
        };
        t.setMode(e.mode() | (e.type() == BuildContext.Type.DIRECTORY ? 040000 : e.type() == BuildContext.Type.SYMLINK ? 0120000 : 0100000));
        t.setModTime(0);
        return t;
    }

    /** Copies exactly {@code size} bytes (the size in the header) to the tar and the digest; a file that shrank fails. */
    private static void copy(Path file, long size, OutputStream tar, OutputStream digest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) throw new IOException(file + " changed while it was being sent");
                tar.write(buffer, 0, n);
                digest.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}

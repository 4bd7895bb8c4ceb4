package dev.infra.core.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link ConditionalStore} on a directory ({@code file://dir}). Version = SHA-256 of the content. Compare-and-set
 * runs under its directory's lock ({@link PathLock}: an OS file lock for other processes, a JVM lock for other
 * threads); writes go to a temp file in the same directory and are renamed atomically, so a reader never sees half a
 * document. Directories are made and removed under the root's lock, and a directory's lock is taken while holding the
 * root's: so a directory emptied by {@link #deleteAll} is never removed under a writer that is about to use it.
 */
public final class FileStore implements ConditionalStore {
    private final Path root;

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Versioned> get(String key) {
        Path p = root.resolve(key);
        try {
            String content = Files.readString(p, StandardCharsets.UTF_8);
            return Optional.of(new Versioned(content, hash(content)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String put(String key, String content, String expectedVersion) {
        Path p = root.resolve(key);
        return underLock(p, () -> {
            check(key, expectedVersion);
            try {
                Path tmp = Files.createTempFile(p.getParent(), "." + p.getFileName(), ".tmp");
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                move(tmp, p);
            } catch (IOException e) {
                throw new StateException("cannot write " + p + ": " + e.getMessage(), e);
            }
            return hash(content);
        });
    }

    private static void move(Path tmp, Path p) throws IOException {
        try {
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete(String key, String expectedVersion) {
        Path p = root.resolve(key);
        underLock(p, () -> {
            if (expectedVersion != null && get(key).isPresent()) check(key, expectedVersion);
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new StateException("cannot delete " + p + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Deletes the keys, then the directories they leave empty (but for their guard file), up to the root. */
    @Override
    public void deleteAll(List<String> keys) {
        java.util.Set<Path> dirs = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (String k : keys) {
            delete(k, null);
            for (Path d = root.resolve(k).getParent(); d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) dirs.add(d);
        }
        for (Path d : dirs) removeIfOnlyGuard(d);
    }

    /** Under the root's lock, then the directory's (so no writer is inside it or about to enter it). */
    private void removeIfOnlyGuard(Path dir) {
        try (PathLock tree = PathLock.take(root.resolve(".tree-guard"))) {
            if (Files.isDirectory(dir)) removeLocked(dir);
        }
    }

    private static void removeLocked(Path dir) {
        try (PathLock own = PathLock.take(dir.resolve(".guard")); Stream<Path> in = Files.list(dir)) {
            if (!in.allMatch(f -> f.getFileName().toString().equals(".guard"))) return;
            Files.deleteIfExists(dir.resolve(".guard"));
            Files.deleteIfExists(dir);
        } catch (NoSuchFileException | java.nio.file.DirectoryNotEmptyException raced) {
            // gone already, or written to meanwhile: keep it
        } catch (IOException e) {
            throw new StateException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }

    private void check(String key, String expectedVersion) {
        String actual = get(key).map(Versioned::version).orElse(null);
        if (!java.util.Objects.equals(actual, expectedVersion)) throw new PreconditionFailedException(key);
    }

    private <T> T underLock(Path p, Supplier<T> action) {
        try (PathLock dir = lockDirectory(p.getParent())) {
            return action.get();
        }
    }

    /** Makes the directory if need be and locks it, under the root's lock (which is let go once it holds). */
    private PathLock lockDirectory(Path dir) {
        try (PathLock tree = PathLock.take(root.resolve(".tree-guard"))) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StateException("cannot make " + dir + ": " + e.getMessage(), e);
            }
            return PathLock.take(dir.resolve(".guard"));
        }
    }

    /** Every regular file under the prefix's directory but the guard and half-written temp files (dot files). */
    @Override
    public List<String> keys(String prefix) {
        Path dir = root.resolve(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "");
        if (!Files.isDirectory(dir)) return List.of();
        try (PathLock tree = PathLock.take(root.resolve(".tree-guard")); Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(k -> k.startsWith(prefix)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        return "file://" + root;
    }
}

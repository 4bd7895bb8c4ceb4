package dev.infra.core.parse;

import dev.infra.core.diag.InvalidInputException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries of a build context that a build sends to Docker, chosen as Docker's CLI chooses them: walking the
 * directory, {@code .dockerignore} patterns matched with the parent directory's results, an excluded directory
 * skipped unless an exception pattern may re-include something under it, and the Dockerfile and
 * {@code .dockerignore} always sent. infra's own state directory {@code .infra} and {@code .git} are never sent (a
 * deploy writes the one, any git command may touch the other). Both the content digest (the image tag) and the tar
 * the engine receives are made from these entries, so the two cannot disagree. Symbolic links are sent as links.
 */
public record BuildContext(Path dir, String dockerfile, List<Entry> entries) {
    private static final Set<String> NEVER_SENT = Set.of(".infra", ".git");

    public enum Type { DIRECTORY, FILE, SYMLINK }

    /**
     * One entry: its slash-separated path relative to the context, its permission bits (directories and
     * executables {@code 0755}, other files {@code 0644}, links {@code 0777}) and, for a link, where it points.
     */
    public record Entry(String path, Type type, int mode, String linkTarget) { }

    public BuildContext {
        entries = List.copyOf(entries);
    }

    /** The entries of {@code dir}, in path order, for the Dockerfile at {@code dockerfile} (relative to it). */
    public static BuildContext of(Path dir, String dockerfile) {
        try {
            DockerIgnore ignore = DockerIgnore.of(dir).keeping(".dockerignore").keeping(dockerfile.replace('\\', '/'));
            Walk walk = new Walk(dir, ignore);
            Files.walkFileTree(dir, walk);
            walk.entries.sort(Comparator.comparing(Entry::path));
            return new BuildContext(dir, dockerfile, walk.entries);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read build context " + dir + ": " + e.getMessage());
        }
    }

    /** The paths of the entries, directories with a trailing {@code /}. */
    public List<String> paths() {
        return entries.stream().map(e -> e.type() == Type.DIRECTORY ? e.path() + "/" : e.path()).toList();
    }

    private static final class Walk extends SimpleFileVisitor<Path> {
        private final Path root;
        private final DockerIgnore ignore;
        private final Map<Path, DockerIgnore.Match> dirs = new HashMap<>();
        private final List<Entry> entries = new ArrayList<>();

        Walk(Path root, DockerIgnore ignore) {
            this.root = root;
            this.ignore = ignore;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (dir.equals(root)) {
                dirs.put(dir, DockerIgnore.Match.ROOT);
                return FileVisitResult.CONTINUE;
            }
            String rel = relative(dir);
            if (NEVER_SENT.contains(rel)) return FileVisitResult.SKIP_SUBTREE;
            DockerIgnore.Match match = ignore.matchUnder(rel, dirs.get(dir.getParent()));
            dirs.put(dir, match);
            if (!match.excluded()) entries.add(new Entry(rel, Type.DIRECTORY, 0755, null));
            else if (!mayReinclude(rel)) return FileVisitResult.SKIP_SUBTREE;
            return FileVisitResult.CONTINUE;
        }

        /** Whether an exception pattern could match something under the excluded directory {@code rel}. */
        private boolean mayReinclude(String rel) {
            return ignore.list().stream().filter(IgnorePattern::exception).anyMatch(p -> (p.text() + "/").startsWith(rel + "/"));
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String rel = relative(file);
            if (NEVER_SENT.contains(rel) || !(attrs.isRegularFile() || attrs.isSymbolicLink())) return FileVisitResult.CONTINUE;
            if (ignore.matchUnder(rel, dirs.get(file.getParent())).excluded()) return FileVisitResult.CONTINUE;
            if (attrs.isSymbolicLink()) entries.add(new Entry(rel, Type.SYMLINK, 0777, Files.readSymbolicLink(file).toString()));
            else entries.add(new Entry(rel, Type.FILE, mode(file), null));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            dirs.remove(dir);
            if (e != null) throw e;
            return FileVisitResult.CONTINUE;
        }

        private String relative(Path p) {
            return root.relativize(p).toString().replace('\\', '/');
        }

        /**
         * The mode sent, as git keeps it: executable ({@code 0755}) or not ({@code 0644}), so a checkout's umask
         * never changes the digest or the image.
         */
        private static int mode(Path p) {
            try {
                return Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
            } catch (UnsupportedOperationException | IOException e) {
                return Files.isExecutable(p) ? 0755 : 0644;
            }
        }
    }
}

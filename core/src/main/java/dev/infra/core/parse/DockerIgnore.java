package dev.infra.core.parse;

import dev.infra.core.diag.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A build context's {@code .dockerignore}, read and matched as Docker reads and matches it (moby's ignorefile and
 * patternmatcher): a line is a comment only when it starts with {@code #}; lines are trimmed, cleaned, a leading
 * {@code /} dropped; the last matching pattern wins, {@code !pattern} re-including; a pattern matching a parent
 * directory matches everything under it.
 */
public final class DockerIgnore {
    private final List<IgnorePattern> patterns;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Which patterns matched a directory: handed to its children by {@link #matchUnder}. */
    public record Match(boolean excluded, boolean[] byPattern) {
        public static final Match ROOT = new Match(false, new boolean[0]);
    }

    /** The patterns of {@code context}/.dockerignore; none when there is no such file. */
    public static DockerIgnore of(Path context) throws IOException {
        Path file = context.resolve(".dockerignore");
        if (!Files.exists(file)) return new DockerIgnore(List.of());
        try {
            return patterns(lines(Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    /** The patterns of a {@code .dockerignore} file's lines, as Docker's ignorefile reader gives them. */
    public static List<String> lines(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String line = i == 0 && raw.get(i).startsWith("\uFEFF") ? raw.get(i).substring(1) : raw.get(i);
            if (line.startsWith("#")) continue;
            String p = line.trim();
            if (p.isEmpty()) continue;
            boolean invert = p.startsWith("!");
            if (invert) p = p.substring(1).trim();
            if (!p.isEmpty()) {
                p = CleanPath.of(p);
                if (p.length() > 1 && p.startsWith("/")) p = p.substring(1);
            }
            out.add(invert ? "!" + p : p);
        }
        return out;
    }

    /** A matcher of these patterns, in order (blank ones dropped). */
    public static DockerIgnore patterns(List<String> patterns) {
        return new DockerIgnore(patterns.stream().filter(p -> !p.trim().isEmpty()).map(IgnorePattern::of).toList());
    }

    /** This matcher plus the exception {@code !path} when {@code path} would be excluded: Docker always sends it. */
    public DockerIgnore keeping(String raw) {
        String path = CleanPath.of(raw);
        if (!matchesOrParentMatches(path)) return this;
        List<IgnorePattern> more = new ArrayList<>(patterns);
        more.add(IgnorePattern.of("!" + path));
        return new DockerIgnore(more);
    }

    public List<IgnorePattern> list() {
        return patterns;
    }

    /** Whether any pattern is an exception. */
    public boolean exceptions() {
        return patterns.stream().anyMatch(IgnorePattern::exception);
    }

    /**
     * Whether {@code path} or one of its parent directories matches, the last matching pattern deciding (moby's
     * {@code MatchesOrParentMatches}: the path as given, its parents cleaned).
     */
    public boolean matchesOrParentMatches(String path) {
        String parent = CleanPath.of(path.substring(0, path.lastIndexOf('/') + 1));
        String[] parents = parent.equals(".") ? new String[0] : parent.split("/", -1);
        boolean matched = false;
        for (IgnorePattern p : patterns) {
            if (p.exception() != matched) continue;
            boolean match = p.matches(path);
            for (int i = 0; !match && i < parents.length; i++) match = p.matches(String.join("/", List.of(parents).subList(0, i + 1)));
            if (match) matched = !p.exception();
        }
        return matched;
    }

    /** Matches {@code path} given its parent directory's {@link Match}, as Docker does while walking a context. */
    public Match matchUnder(String path, Match parent) {
        boolean[] by = new boolean[patterns.size()];
        boolean matched = false;
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern p = patterns.get(i);
            boolean match = parent.byPattern().length > 0 && parent.byPattern()[i];
            if (!match) {
                if (p.exception() != matched) continue;
                match = p.matches(path);
            }
            by[i] = match;
            if (match) matched = !p.exception();
        }
        return new Match(matched, by);
    }
}

package dev.infra.core.parse;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** A build context's {@code .dockerignore}: glob lines, {@code !} re-includes, the last matching line wins. */
public final class DockerIgnore {
    private record Rule(PathMatcher matcher, PathMatcher under, boolean include) { }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code context}/.dockerignore; none when there is no such file. */
    public static DockerIgnore of(Path context) throws IOException {
        Path ignore = context.resolve(".dockerignore");
        List<Rule> rules = new ArrayList<>();
        if (!Files.exists(ignore)) return new DockerIgnore(rules);
        for (String line : Files.readAllLines(ignore)) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            boolean include = l.startsWith("!");
            String pattern = (include ? l.substring(1) : l).replaceAll("^/+", "").replaceAll("/+$", "");
            rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern),
                    FileSystems.getDefault().getPathMatcher("glob:" + pattern + "/**"), include));
        }
        return new DockerIgnore(rules);
    }

    /** Whether a path relative to the context is left out of the build. */
    public boolean excludes(Path relative) {
        boolean in = true;
        for (Rule r : rules) if (r.matcher().matches(relative) || r.under().matches(relative)) in = r.include();
        return !in;
    }
}

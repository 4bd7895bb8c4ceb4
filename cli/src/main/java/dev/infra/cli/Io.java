package dev.infra.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's outside world, passed in so tests run commands in-process: streams, environment, working
 * directory, and whether stdout is an interactive terminal.
 */
public record Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path cwd, boolean tty) {
    public Io {
        env = Map.copyOf(env);
    }

    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : cwd.resolve(p).normalize();
    }
}

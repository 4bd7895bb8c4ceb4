package dev.infra.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The process's outside world, passed in so tests run commands in-process: streams, environment, working
 * directory, whether stdout is an interactive terminal, and the clock that stamps state writes and measures ages.
 */
public record Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path cwd, boolean tty, Clock clock) {
    public Io {
        env = Map.copyOf(env);
    }

    public Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path cwd, boolean tty) {
        this(out, err, in, env, cwd, tty, Clock.systemUTC());
    }

    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : cwd.resolve(p).normalize();
    }
}

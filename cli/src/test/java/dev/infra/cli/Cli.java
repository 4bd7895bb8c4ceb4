package dev.infra.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process in a directory and captures exit code, stdout and stderr. */
final class Cli {
    record Result(int code, String out, String err) { }

    private final Path dir;
    private final Map<String, String> env;
    private final Clock clock;

    Cli(Path dir, Map<String, String> env) {
        this(dir, env, Clock.systemUTC());
    }

    /** With the clock that stamps state writes and measures ages (a {@link MovableClock} in tests of time). */
    Cli(Path dir, Map<String, String> env, Clock clock) {
        this.dir = dir;
        this.env = env;
        this.clock = clock;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, dir, false, clock), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

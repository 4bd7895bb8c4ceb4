package dev.infra.core.provider;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to reach AWS, from the global options, and where the app lives.
 *
 * @param profile  AWS profile, empty for the default chain
 * @param region   region
 * @param endpoint endpoint override (emulators), empty for AWS
 * @param verbose  log every AWS call with request id and duration
 * @param baseDir  the directory of infra.yaml: relative paths in inputs (an image's build context) resolve here
 * @param stderr   where providers write what is not a result: notes (a fallback chosen) and, with verbose, the call
 *                 log; the command's error stream, so that a test of a command sees them
 */
public record ProviderConfig(String profile, String region, String endpoint, boolean verbose, Path baseDir, PrintStream stderr) {
    public ProviderConfig {
        baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
        stderr = stderr == null ? System.err : stderr;
    }

    public ProviderConfig(String profile, String region, String endpoint, boolean verbose, Path baseDir) {
        this(profile, region, endpoint, verbose, baseDir, null);
    }

    public ProviderConfig(String profile, String region, String endpoint, boolean verbose) {
        this(profile, region, endpoint, verbose, null, null);
    }
}

package dev.infra.core.provider;

import java.nio.file.Path;

/**
 * How to reach AWS, from the global options, and where the app lives.
 *
 * @param profile  AWS profile, empty for the default chain
 * @param region   region
 * @param endpoint endpoint override (emulators), empty for AWS
 * @param verbose  log every AWS call with request id and duration
 * @param baseDir  the directory of infra.yaml: relative paths in inputs (an image's build context) resolve here
 */
public record ProviderConfig(String profile, String region, String endpoint, boolean verbose, Path baseDir) {
    public ProviderConfig {
        baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
    }

    public ProviderConfig(String profile, String region, String endpoint, boolean verbose) {
        this(profile, region, endpoint, verbose, null);
    }
}

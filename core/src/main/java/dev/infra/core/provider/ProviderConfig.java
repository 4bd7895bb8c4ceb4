package dev.infra.core.provider;

/**
 * How to reach AWS, from the global options.
 *
 * @param profile  AWS profile, empty for the default chain
 * @param region   region
 * @param endpoint endpoint override (emulators), empty for AWS
 * @param verbose  log every AWS call with request id and duration
 */
public record ProviderConfig(String profile, String region, String endpoint, boolean verbose) { }

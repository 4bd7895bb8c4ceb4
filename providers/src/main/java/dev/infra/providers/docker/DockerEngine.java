package dev.infra.providers.docker;

import dev.infra.core.provider.WaitReporter;

import java.nio.file.Path;

/**
 * Builds and pushes images. The real one talks to a Docker engine ({@link DockerJavaEngine}); tests supply a fake
 * through a {@link dev.infra.core.provider.ClientOverride}.
 */
public interface DockerEngine {
    /**
     * @param context    the build context directory
     * @param dockerfile the Dockerfile, relative to the context
     * @param platform   e.g. {@code linux/amd64}
     * @param target     the full name to tag and push, {@code REGISTRY/REPOSITORY:TAG}
     * @param contentDigest the context's digest the tag was made from: what is sent must still have it
     */
    record Build(Path context, String dockerfile, String platform, String target, String contentDigest) { }

    /** Registry credentials, short-lived (ECR's last 12 hours). Never logged. */
    record RegistryAuth(String username, String password, String registry) {
        @Override
        public String toString() {
            return "RegistryAuth[" + username + "@" + registry + "]";
        }
    }

    /** Why no image can be built here (no engine reachable), or empty. */
    default java.util.Optional<String> unreachable() {
        return java.util.Optional.empty();
    }

    /** Builds the image, pushes it and returns the digest the registry gave it ({@code sha256:...}). */
    String buildAndPush(Build build, RegistryAuth auth, WaitReporter waits);
}

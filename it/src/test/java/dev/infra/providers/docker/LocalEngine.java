package dev.infra.providers.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The real Docker engine and local image registry the it profile builds and pushes with ({@code .ci/run} starts
 * both): the engine where {@code DOCKER_HOST} points (else the local socket), the registry at
 * {@code INFRA_IT_REGISTRY} (else {@code 127.0.0.1:5100}), standing in for ECR.
 */
public final class LocalEngine {
    public static final String REGISTRY = System.getenv().getOrDefault("INFRA_IT_REGISTRY", "127.0.0.1:5100");

    private LocalEngine() { }

    /** Why the engine tests cannot run here, or empty when both the engine and the registry answer. */
    public static Optional<String> missing() {
        Optional<String> engine = new DockerJavaEngine(null).unreachable();
        if (engine.isPresent()) return engine;
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + REGISTRY + "/v2/").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            if (c.getResponseCode() == 200) return Optional.empty();
            return Optional.of("the registry at " + REGISTRY + " answered " + c.getResponseCode());
        } catch (IOException e) {
            return Optional.of("no image registry at " + REGISTRY + " (set INFRA_IT_REGISTRY, or start docker-registry)");
        }
    }

    /** A client of the same engine, for looking at what it built. */
    public static DockerClient client() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).responseTimeout(Duration.ofMinutes(5)).build());
    }
}

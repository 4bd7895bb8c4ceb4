package dev.infra.providers.docker;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without a Docker engine, a deploy that must build fails within seconds, not after a long connect timeout. This
 * measures real time, so it is kept out of the default suite (a loaded machine could make any bound flaky); the
 * default suite checks the message itself (ImageProviderTest).
 */
class NoEngineIT {
    @Test
    void theErrorComesQuickly() {
        DockerJavaEngine none = new DockerJavaEngine("tcp://127.0.0.1:1");
        Instant start = Instant.now(); // real time: what is measured is how long a user waits for the error
        assertThatThrownBy(() -> none.buildAndPush(new DockerEngine.Build(Path.of("."), "Dockerfile", "linux/amd64", "r/x:1", "sha256:0"),
                new DockerEngine.RegistryAuth("AWS", "secret-password", "https://r"), w -> { }))
                .isInstanceOf(DockerJavaEngine.NoEngineException.class);
        assertThat(Duration.between(start, Instant.now())).as("no long connect timeout").isLessThan(Duration.ofSeconds(30)); // real time: a generous bound, it profile only
    }
}

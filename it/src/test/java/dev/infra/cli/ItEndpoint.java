package dev.infra.cli;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Optional;

/**
 * Where the integration scenario runs: the endpoint in {@code INFRA_IT_ENDPOINT} (any AWS-compatible one, or
 * {@code aws} for the account the default credential chain reaches), else a LocalStack Pro container when a Docker
 * engine answers and {@code LOCALSTACK_AUTH_TOKEN} is set (ECS and ELBv2 are Pro services). None found: the run is
 * skipped, and says why.
 */
final class ItEndpoint implements AutoCloseable {
    /** The LocalStack image; {@code INFRA_IT_LOCALSTACK_IMAGE} pins another. */
    static final String IMAGE = System.getenv().getOrDefault("INFRA_IT_LOCALSTACK_IMAGE", "localstack/localstack-pro:latest");
    private final String url;
    private final LocalStackContainer container;

    private ItEndpoint(String url, LocalStackContainer container) {
        this.url = url;
        this.container = container;
    }

    /** The endpoint URL for {@code AWS_ENDPOINT_URL}; empty for real AWS (the SDK's own endpoints). */
    String url() {
        return url;
    }

    static String skipReason() {
        return "no INFRA_IT_ENDPOINT, and no Docker engine with LOCALSTACK_AUTH_TOKEN for LocalStack";
    }

    static Optional<ItEndpoint> find() {
        String given = System.getenv("INFRA_IT_ENDPOINT");
        if (given != null && !given.isBlank()) return Optional.of(new ItEndpoint(given.equals("aws") ? "" : given, null));
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token == null || token.isBlank() || !dockerAnswers()) return Optional.empty();
        LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("localstack/localstack"))
                .withEnv("LOCALSTACK_AUTH_TOKEN", token);
        c.start();
        return Optional.of(new ItEndpoint(c.getEndpoint().toString(), c));
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Emulators take any credentials; give the SDK some when the environment has none. */
    void defaultCredentials() {
        if (url.isEmpty() || System.getenv("AWS_ACCESS_KEY_ID") != null) return;
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @Override
    public void close() {
        if (container != null) container.stop();
    }
}

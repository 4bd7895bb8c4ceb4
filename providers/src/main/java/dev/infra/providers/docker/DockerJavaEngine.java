package dev.infra.providers.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.infra.core.parse.BuildContext;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.provider.WaitReporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The Docker engine through docker-java, found as the Docker CLI finds it ({@code DOCKER_HOST}, else the local
 * socket). A missing engine fails at once with a one-line error that names DOCKER_HOST.
 */
public final class DockerJavaEngine implements DockerEngine {
    private final String host;

    /** The engine at {@code host}, or where {@code DOCKER_HOST} (else the platform default) points when null. */
    public DockerJavaEngine(String host) {
        this.host = host;
    }

    private DefaultDockerClientConfig config() {
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host != null) b.withDockerHost(host);
        return b.build();
    }

    private static DockerClient client(DefaultDockerClientConfig config, Duration responses) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).connectionTimeout(Duration.ofSeconds(5)).responseTimeout(responses).build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Override
    public java.util.Optional<String> unreachable() {
        DefaultDockerClientConfig config = config();
        try (DockerClient docker = client(config, Duration.ofSeconds(10))) {
            docker.pingCmd().exec();
            return java.util.Optional.empty();
        } catch (RuntimeException | IOException e) {
            return java.util.Optional.of("no Docker engine reachable at " + config.getDockerHost()
                    + " to build images (start one, or set DOCKER_HOST to a running engine)");
        }
    }

    @Override
    public String buildAndPush(Build build, RegistryAuth auth, WaitReporter waits) {
        DefaultDockerClientConfig config = config();
        try (DockerClient docker = client(config, Duration.ofMinutes(30))) {
            ping(docker, config.getDockerHost().toString(), build.target());
            build(docker, build, waits);
            waits.waiting("docker push of " + build.target());
            AuthConfig credentials = new AuthConfig().withUsername(auth.username()).withPassword(auth.password()).withRegistryAddress(auth.registry());
            docker.pushImageCmd(build.target()).withAuthConfig(credentials)
                    .exec(new EngineStream<>("docker push", waits, ProgressLines.push())).awaitSuccess(build.target());
            return digest(docker, build.target());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + build.target(), e);
        } catch (IOException e) {
            throw new IllegalStateException("docker engine connection failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sends the context as {@link BuildContext} chooses it (the entries its digest was made from, not docker-java's
     * own .dockerignore reading), checking on the way that it still has the digest the tag was made from.
     */
    private static void build(DockerClient docker, Build build, WaitReporter waits) throws IOException, InterruptedException {
        BuildContext context = BuildContext.of(build.context(), build.dockerfile());
        Path tar = Files.createTempFile("infra-context-", ".tar");
        try {
            waits.waiting("docker build of " + build.target() + ": sending " + context.entries().size() + " entries");
            String sent;
            try (OutputStream out = Files.newOutputStream(tar)) {
                sent = ContextTar.write(context, out);
            }
            if (!sent.equals(build.contentDigest()))
                throw new InfraException(ExitCode.FAILURE, "the build context " + build.context() + " changed since the plan was made; run the command again");
            try (InputStream in = Files.newInputStream(tar)) {
                docker.buildImageCmd().withTarInputStream(in).withDockerfilePath(build.dockerfile()).withPlatform(build.platform())
                        .withTags(Set.of(build.target())).exec(new EngineStream<>("docker build", waits, ProgressLines::build))
                        .awaitSuccess(build.target());
            } catch (DockerException e) {
                throw new EngineStream.Failed("docker build of " + build.target() + " failed: " + EngineStream.message(e));
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static void ping(DockerClient docker, String where, String target) {
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new NoEngineException("no Docker engine reachable at " + where + " to build " + target
                    + " (start one, or set DOCKER_HOST to a running engine)");
        }
    }

    private static String digest(DockerClient docker, String target) {
        String repo = target.substring(0, target.lastIndexOf(':'));
        return docker.inspectImageCmd(target).exec().getRepoDigests().stream().filter(d -> d.startsWith(repo + "@"))
                .map(d -> d.substring(d.indexOf('@') + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the registry returned no digest for " + target));
    }

    /** No engine to build with: a user error, reported in one line. */
    public static final class NoEngineException extends InfraException {
        NoEngineException(String message) {
            super(ExitCode.FAILURE, message);
        }
    }
}

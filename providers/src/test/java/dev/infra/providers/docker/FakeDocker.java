package dev.infra.providers.docker;

import dev.infra.core.component.ContentDigest;
import dev.infra.core.provider.ClientOverride;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.WaitReporter;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeEcr;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Docker engine for tests: checks the context and Dockerfile exist and the registry credentials came from ECR,
 * then "pushes" to the FakeEcr of the same FakeAws, and remembers every build. Supplied for {@code fakeaws://}
 * endpoints by {@link Override}.
 */
public final class FakeDocker implements DockerEngine {
    private static final Map<String, FakeDocker> BY_AWS = new ConcurrentHashMap<>();
    private final FakeAws aws;
    private final List<Build> builds = new ArrayList<>();

    private FakeDocker(FakeAws aws) {
        this.aws = aws;
    }

    public static FakeDocker of(FakeAws aws) {
        return BY_AWS.computeIfAbsent(aws.toString(), k -> new FakeDocker(aws));
    }

    public synchronized List<Build> builds() {
        return List.copyOf(builds);
    }

    @java.lang.Override
    public synchronized String buildAndPush(Build build, RegistryAuth auth, WaitReporter waits) {
        if (!Files.isRegularFile(build.context().resolve(build.dockerfile())))
            throw new IllegalStateException("no Dockerfile " + build.dockerfile() + " in " + build.context());
        if (!auth.username().equals("AWS") || auth.password().isEmpty() || !build.target().startsWith(auth.registry().replace("https://", "")))
            throw new IllegalStateException("unauthorized push of " + build.target() + " with " + auth);
        if (!ContentDigest.of(build.context(), build.dockerfile()).equals(build.contentDigest()))
            throw new IllegalStateException("the build context " + build.context() + " changed since the plan was made");
        builds.add(build);
        String repo = build.target().substring(build.target().indexOf('/') + 1, build.target().lastIndexOf(':'));
        String tag = build.target().substring(build.target().lastIndexOf(':') + 1);
        String digest = "sha256:" + sha256(build.target());
        return aws.service(FakeEcr.class).pushed(repo, tag, digest);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Supplies the FakeDocker of the FakeAws named by a {@code fakeaws://NAME} endpoint. */
    public static final class Override implements ClientOverride {
        @java.lang.Override
        public <T> Optional<T> find(Class<T> type, ProviderConfig config) {
            if (type != DockerEngine.class || config.endpoint() == null || !config.endpoint().startsWith(FakeAwsOverride.SCHEME)) return Optional.empty();
            return Optional.of(type.cast(of(FakeAws.named(config.endpoint().substring(FakeAwsOverride.SCHEME.length())))));
        }
    }
}

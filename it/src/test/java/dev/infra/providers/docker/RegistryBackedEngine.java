package dev.infra.providers.docker;

import dev.infra.core.provider.ClientOverride;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.WaitReporter;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeEcr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real engine ({@link DockerJavaEngine}) pushing to the local registry that stands in for ECR: a FakeAws
 * {@linkplain #attach attached} here hands out repositories in {@link LocalEngine#REGISTRY}, and each image the
 * engine pushes is recorded in its FakeEcr, as ECR knows what was pushed to it. Remembers every build.
 */
public final class RegistryBackedEngine implements DockerEngine {
    private static final Map<String, RegistryBackedEngine> BY_NAME = new ConcurrentHashMap<>();
    private final FakeAws aws;
    private final DockerJavaEngine engine = new DockerJavaEngine(null);
    private final List<Build> builds = new ArrayList<>();

    private RegistryBackedEngine(FakeAws aws) {
        this.aws = aws;
    }

    /** Makes the FakeAws named {@code name} build with the real engine and push to the local registry. */
    public static RegistryBackedEngine attach(String name) {
        FakeAws aws = FakeAws.named(name);
        aws.service(FakeEcr.class).registry(LocalEngine.REGISTRY);
        return BY_NAME.computeIfAbsent(name, k -> new RegistryBackedEngine(aws));
    }

    public static void detach(String name) {
        BY_NAME.remove(name);
    }

    public synchronized List<Build> builds() {
        return List.copyOf(builds);
    }

    @java.lang.Override
    public Optional<String> unreachable() {
        return engine.unreachable();
    }

    @java.lang.Override
    public String buildAndPush(Build build, RegistryAuth auth, WaitReporter waits) {
        synchronized (this) {
            builds.add(build);
        }
        String digest = engine.buildAndPush(build, auth, waits);
        String target = build.target();
        String repository = target.substring(target.indexOf('/') + 1, target.lastIndexOf(':'));
        return aws.service(FakeEcr.class).pushed(repository, target.substring(target.lastIndexOf(':') + 1), digest);
    }

    /** Supplies the engine of an attached FakeAws for its {@code fakeaws://NAME} endpoint. */
    public static final class Override implements ClientOverride {
        @java.lang.Override
        public <T> Optional<T> find(Class<T> type, ProviderConfig config) {
            if (type != DockerEngine.class || config.endpoint() == null || !config.endpoint().startsWith(FakeAwsOverride.SCHEME)) return Optional.empty();
            return Optional.ofNullable(BY_NAME.get(config.endpoint().substring(FakeAwsOverride.SCHEME.length()))).map(type::cast);
        }
    }
}

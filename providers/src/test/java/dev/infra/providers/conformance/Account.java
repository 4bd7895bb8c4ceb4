package dev.infra.providers.conformance;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.WallClock;
import dev.infra.providers.aws.AwsProviderPlugin;

/**
 * Where one type's conformance case runs: the providers as built for a config (FakeAws's {@code fakeaws://} endpoint,
 * or an AWS-compatible one), the clock their waits sleep on, and what to do when the case is over.
 */
interface Account extends AutoCloseable {
    ProviderConfig config();

    WallClock clock();

    /** Whether what the subject stood on is removed after the case (an endpoint keeps what is not removed). */
    boolean removesDependencies();

    default ProviderRegistry providers() {
        return new ProviderRegistry(new AwsProviderPlugin().providers(config()));
    }

    @Override
    void close();
}

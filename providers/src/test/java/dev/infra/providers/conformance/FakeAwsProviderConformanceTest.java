package dev.infra.providers.conformance;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.WallClock;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;

import java.util.UUID;

/** The provider conformance suite on FakeAws: each type on a fresh fake account, dependencies forgotten with it. */
class FakeAwsProviderConformanceTest extends ProviderConformance {
    @Override
    protected Account account(String type) {
        String name = "conformance-" + UUID.randomUUID();
        FakeAws fake = FakeAws.named(name);
        ProviderConfig config = new ProviderConfig("", "us-east-1", FakeAwsOverride.SCHEME + name, false);
        return new Account() {
            @Override
            public ProviderConfig config() {
                return config;
            }

            @Override
            public WallClock clock() {
                return fake.clock();
            }

            @Override
            public boolean removesDependencies() {
                return false;
            }

            @Override
            public void close() {
                FakeAws.forget(name);
            }
        };
    }
}

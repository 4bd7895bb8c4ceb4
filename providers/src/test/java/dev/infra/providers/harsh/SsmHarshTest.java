package dev.infra.providers.harsh;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.StageContext;
import dev.infra.core.secrets.SecretValue;
import dev.infra.core.secrets.SecretsStore;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.providers.ssm.SsmSecretsStoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Harsh FakeAws: SSM refusing concurrent updates with TooManyUpdates, which the SDK does not retry as throttling. */
class SsmHarshTest {
    private final String name = "ssm-" + UUID.randomUUID();
    private final FakeAws fake = FakeAws.named(name).harsh(11);
    private final ProviderConfig config = new ProviderConfig("", "us-east-1", FakeAwsOverride.SCHEME + name, false);

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    @Test
    void everySecretIsStoredThoughSomePutsAreRefused() {
        SecretsStore store = new SsmSecretsStoreFactory().open(new StageContext("shop", "dev", "us-east-1", false), "/{app}/{stage}/{name}", "", config);
        for (int i = 0; i < 12; i++) store.put("KEY_" + i, new SecretValue("v" + i));
        assertThat(fake.harshRefusals()).as("some puts were refused: a store without the retry would have failed").containsKey("TooManyUpdates");
        for (int i = 0; i < 12; i++) assertThat(store.get("KEY_" + i)).map(SecretValue::reveal).contains("v" + i);
        assertThat(fake.tagged(Map.of("infra:stage", "dev"))).hasSize(12);
    }
}

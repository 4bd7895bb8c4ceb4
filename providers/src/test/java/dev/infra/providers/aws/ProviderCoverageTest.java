package dev.infra.providers.aws;

import dev.infra.core.component.ResourceTypes;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderCoverageTest {
    @Test
    void everyResourceTypeAComponentCanEmitHasAnAwsOrDockerProvider() {
        ProviderRegistry registry = new ProviderRegistry(new AwsProviderPlugin().providers(new ProviderConfig("", "us-east-1", "", false)));
        assertThat(registry.missing(ResourceTypes.all().keySet())).as("types without a provider").isEmpty();
        assertThat(new AwsProviderPlugin().providers(new ProviderConfig("", "us-east-1", "", false)))
                .extracting(ResourceProvider::type).doesNotHaveDuplicates();
    }
}

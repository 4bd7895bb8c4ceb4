package dev.infra.providers.aws;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.ResourceProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderCoverageTest {
    private final AwsProviderPlugin plugin = new AwsProviderPlugin();

    @Test
    void everyDeclaredSchemaHasExactlyOneProviderAndEveryProviderADeclaredSchema() {
        List<String> providerTypes = plugin.providers(new ProviderConfig("", "us-east-1", "", false)).stream()
                .map(ResourceProvider::type).toList();
        List<String> schemaTypes = plugin.schemas().stream().map(ResourceSchema::type).toList();
        assertThat(providerTypes).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(schemaTypes);
    }

    @Test
    void coreFindsTheSchemasThroughThePluginWithoutAConfiguration() {
        assertThat(ResourceTypes.all().values()).containsExactlyInAnyOrderElementsOf(plugin.schemas());
    }
}

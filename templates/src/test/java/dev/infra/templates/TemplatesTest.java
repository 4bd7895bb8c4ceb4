package dev.infra.templates;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.Expander;
import dev.infra.core.parse.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"web", "web-db", "full"})
    void everyTemplateValidatesAndExpandsForDevAndProduction(String name, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String yaml = Templates.render(name, "shop").orElseThrow();
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path file = dir.resolve("infra.yaml");
        Files.writeString(file, yaml);
        for (String stage : new String[] {"dev", "production", "preview-7"}) {
            DesiredApp app = Expander.expand(ConfigLoader.load(file, stage, Map.of()));
            assertThat(app.config().app()).isEqualTo("shop");
            assertThat(app.resources()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "../web"})
    void unknownTemplatesAreAbsent(String name) {
        assertThat(Templates.render(name, "x")).isEmpty();
    }
}

package dev.infra.core.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InfraYamlSchemaTest {
    private static com.networknt.schema.JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(InfraYamlSchema.render());
    }

    private static Set<ValidationMessage> validate(String yaml) throws Exception {
        JsonNode doc = new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(yaml));
        return schema().validate(doc);
    }

    @Test
    void theExampleValidatesAgainstTheSchema() throws Exception {
        assertThat(validate(Files.readString(Path.of("..", "infra.yaml")))).isEmpty();
    }

    @Test
    void schemaRejectsUnknownKeysAndBadEnums() throws Exception {
        assertThat(validate("app: a1\nregion: us-east-1\nresources:\n  v: { type: vpc, nat: gateway, colour: red }\n")).isNotEmpty();
        assertThat(validate("app: a1\nregion: us-east-1\nresources:\n  v: { type: vpc, nat: none }\n")).isEmpty();
    }
}

package dev.infra.core.component;

import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaInputsTest {
    private static final Map<String, Object> FAMILY = Map.of("family", "carbon-dev-api", "cpu", "256");

    private static ResourceRequest request(String type, Map<String, Object> inputs) {
        return new ResourceRequest("api/taskDefinition", type, "", inputs, Map.of(), "t", (StageContext) null, null);
    }

    @Test
    void aProviderReadingAKeyItsSchemaDoesNotDeclareFailsNamingTypeAndKey() {
        Map<String, Object> in = request("aws.ecs.TaskDefinition", FAMILY).inputs();
        SchemaInputs.require(in, "family", InputSpec.Kind.STRING);
        assertThatThrownBy(() -> SchemaInputs.require(in, "famly"))
                .isInstanceOf(IllegalStateException.class).hasMessage("aws.ecs.TaskDefinition has no input 'famly': its provider reads only what its schema declares");
    }

    @Test
    void aDeclaredKeyReadAsAnotherKindFails() {
        Map<String, Object> in = request("aws.ecs.TaskDefinition", FAMILY).inputs();
        assertThatThrownBy(() -> SchemaInputs.require(in, "requiresCompatibilities", InputSpec.Kind.STRING))
                .hasMessage("aws.ecs.TaskDefinition's input 'requiresCompatibilities' is a list, read as [string]");
    }

    @Test
    void theViewIsAnOrdinaryReadOnlyMapEqualToItsValues() {
        Map<String, Object> in = request("aws.ecs.TaskDefinition", FAMILY).inputs();
        assertThat(in).isInstanceOf(SchemaInputs.class).isEqualTo(FAMILY);
        assertThat(FAMILY).isEqualTo(in);
        assertThat(in.get("undeclared")).isNull();
        assertThatThrownBy(() -> in.put("cpu", "512")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTypeNoSchemaDeclaresIsReadWithoutChecks() {
        Map<String, Object> in = request("test.Thing", Map.of("anything", 1)).inputs();
        assertThat(in).isNotInstanceOf(SchemaInputs.class);
        SchemaInputs.require(in, "whatever", InputSpec.Kind.BOOLEAN);
    }

    @Test
    void aReadReportingAnUndeclaredInputFails() {
        SchemaInputs.requireReported("aws.elbv2.TargetGroup", Set.of("port", "deregistrationDelaySeconds"));
        assertThatThrownBy(() -> SchemaInputs.requireReported("aws.elbv2.TargetGroup", Set.copyOf(List.of("port", "deregistrationDelay"))))
                .hasMessage("the read of aws.elbv2.TargetGroup reports input 'deregistrationDelay', which its schema does not declare");
    }
}

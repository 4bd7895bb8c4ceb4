package dev.infra.core.state;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateCodecTest {
    @Test
    void roundTripsNestedValuesDeterministically() {
        ResourceState r = new ResourceState("erp/taskDefinition", "aws.ecs.TaskDefinition", "erp", "arn:td:1",
                Map.of("cpu", 256, "environment", Map.of("B", "2", "A", "1"), "ports", List.of(3000)),
                Map.of("arn", "arn:td:1"), List.of("erp/logGroup"), ResourceStatus.PENDING_CREATE, "tok-1");
        State s = new State(1, 7, "lin", "carbon", "dev", Map.of(r.address(), r));
        String json = StateCodec.toJson(s);
        assertThat(StateCodec.fromJson(json)).isEqualTo(s);
        assertThat(StateCodec.toJson(StateCodec.fromJson(json))).isEqualTo(json);
        assertThat(json.indexOf("\"A\"")).isLessThan(json.indexOf("\"B\""));
    }

    @Test
    void refusesUnknownVersionsAndGarbageWithOneLine() {
        assertThatThrownBy(() -> StateCodec.fromJson("{\"formatVersion\": 9}"))
                .isInstanceOf(StateException.class).hasMessageContaining("format version 9");
        assertThatThrownBy(() -> StateCodec.fromJson("{nope"))
                .isInstanceOf(StateException.class).hasMessageStartingWith("state is not valid JSON");
    }
}

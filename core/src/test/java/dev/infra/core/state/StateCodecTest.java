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

    /** A snapshot made with each resource's kept JSON is the one made from scratch, after changes too. */
    @Test
    void keptResourceJsonIsReusedOnlyForTheSameStateObject() {
        ResourceJson kept = new ResourceJson();
        State s = new State(1, 1, "lin", "carbon", "dev", Map.of());
        for (int i = 0; i < 3; i++) s = s.with(new ResourceState("svc/r" + i, "aws.ecs.Service", "svc", "id-" + i, Map.of("n", i),
                Map.of(), List.of(), ResourceStatus.READY, ""));
        assertThat(StateCodec.toJson(s, "j1", kept::of)).isEqualTo(StateCodec.toJson(s, "j1"));
        ResourceState r1 = s.resource("svc/r1").orElseThrow();
        assertThat(kept.of(r1)).isSameAs(kept.of(r1));
        State changed = s.with(r1.withStatus(ResourceStatus.PENDING_UPDATE, "tok")).without("svc/r2");
        String json = StateCodec.toJson(changed, "j2", kept::of);
        assertThat(json).isEqualTo(StateCodec.toJson(changed, "j2")).contains("PENDING_UPDATE").doesNotContain("svc/r2");
        assertThat(StateCodec.fromJson(json)).isEqualTo(changed);
        assertThat(JournalCodec.delta(2, s, changed, kept::of)).isEqualTo(JournalCodec.delta(2, s, changed));
    }

    @Test
    void refusesUnknownVersionsAndGarbageWithOneLine() {
        assertThatThrownBy(() -> StateCodec.fromJson("{\"formatVersion\": 9}"))
                .isInstanceOf(StateException.class).hasMessageContaining("format version 9");
        assertThatThrownBy(() -> StateCodec.fromJson("{nope"))
                .isInstanceOf(StateException.class).hasMessageStartingWith("state is not valid JSON");
    }
}

package dev.infra.cli;

import dev.infra.core.exec.ProgressEvent;
import dev.infra.core.plan.Action;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LinePrinterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static ProgressEvent at(int seconds, ProgressEvent.Kind kind, String message) {
        return new ProgressEvent(T0.plusSeconds(seconds), kind, "web/loadBalancer", "aws.elbv2.LoadBalancer", Action.CREATE, message,
                Duration.ofSeconds(seconds));
    }

    @Test
    void aRepeatedWaitIsPrintedOnceThenEveryThirtySecondsOrWhenItChanges() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinePrinter p = new LinePrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String wait = "load balancer shop-dev-web to become active";
        p.onEvent(at(0, ProgressEvent.Kind.STARTED, ""));
        for (int s = 2; s <= 40; s += 2) p.onEvent(at(s, ProgressEvent.Kind.WAITING, wait));
        p.onEvent(at(41, ProgressEvent.Kind.WAITING, "something else"));
        p.onEvent(at(45, ProgressEvent.Kind.DONE, ""));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "10:00:00 create web/loadBalancer (aws.elbv2.LoadBalancer) started",
                "10:00:02 create web/loadBalancer waiting: " + wait + " [2.0s]",
                "10:00:32 create web/loadBalancer waiting: " + wait + " [32.0s]",
                "10:00:41 create web/loadBalancer waiting: something else [41.0s]",
                "10:00:45 create web/loadBalancer done [45.0s]");
    }
}

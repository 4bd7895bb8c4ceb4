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

    @Test
    void aFailureRepeatedByStepsInFlightIsSpelledOutOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinePrinter p = new LinePrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String why = "no AWS credentials found: set AWS_PROFILE";
        for (String a : new String[] {"vpc/vpc", "cluster/cluster", "web/logGroup"})
            p.onEvent(new ProgressEvent(T0, ProgressEvent.Kind.FAILED, a, "t", Action.CREATE, why, Duration.ofMillis(900)));
        p.onEvent(new ProgressEvent(T0, ProgressEvent.Kind.FAILED, "web/role", "t", Action.CREATE, "AccessDenied", Duration.ofMillis(900)));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "10:00:00 create vpc/vpc FAILED [0.9s]: " + why,
                "10:00:00 create cluster/cluster FAILED [0.9s]: the same error as vpc/vpc",
                "10:00:00 create web/logGroup FAILED [0.9s]: the same error as vpc/vpc",
                "10:00:00 create web/role FAILED [0.9s]: AccessDenied");
    }
}

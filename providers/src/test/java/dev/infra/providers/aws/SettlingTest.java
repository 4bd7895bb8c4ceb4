package dev.infra.providers.aws;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettlingTest {
    private static final Transient WAF = Transient.propagation("WAF cannot see %s yet", Duration.ofMinutes(10), "WAFUnavailableEntityException");
    private final VirtualClock clock = new VirtualClock();
    private final Settling settling = new Settling(clock, new Retrying(clock));
    private final List<String> waits = new ArrayList<>();

    @Test
    void aMatchingRefusalIsWaitedOutAndEachWaitIsReportedWithTheTimeSoFar() {
        AtomicInteger calls = new AtomicInteger();
        String result = settling.call(List.of(WAF), "load balancer carbon-dev-api", waits::add, () -> {
            if (calls.incrementAndGet() < 4) throw FakeAws.error("wafv2:AssociateWebACL", "WAFUnavailableEntityException", "Retry your request.", 400);
            return "associated";
        });
        assertThat(result).isEqualTo("associated");
        assertThat(waits).containsExactly("WAF cannot see load balancer carbon-dev-api yet (AWS propagation), 0 s",
                "WAF cannot see load balancer carbon-dev-api yet (AWS propagation), 1 s",
                "WAF cannot see load balancer carbon-dev-api yet (AWS propagation), 3 s");
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void whenTheBudgetRunsOutTheLastAttemptsRefusalIsTheErrorNamingAwsMessage() {
        Transient iam = Transient.propagation("CodeDeploy cannot assume role %s yet", Transient.IAM_PROPAGATION, "InvalidRoleException");
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> settling.call(List.of(iam), "arn:aws:iam::123456789012:role/deploy", waits::add, () -> {
            calls.incrementAndGet();
            throw FakeAws.error("codedeploy:CreateDeploymentGroup", "InvalidRoleException", "AWS CodeDeploy does not have the permissions required to assume the role.", 400);
        })).isInstanceOf(Settling.GaveUp.class)
                .hasMessage("gave up after 2 min: CodeDeploy cannot assume role arn:aws:iam::123456789012:role/deploy yet (AWS propagation); "
                        + "AWS says InvalidRoleException: AWS CodeDeploy does not have the permissions required to assume the role.");
        assertThat(clock.slept()).as("a real misconfiguration fails after the short IAM budget, not later").isEqualTo(Duration.ofMinutes(2));
        assertThat(calls.get()).as("polled often at first, then every 15 s, with one attempt when the budget ends").isBetween(10, 14);
    }

    @Test
    void otherErrorsAndOtherMessagesPassThroughAtOnce() {
        Transient noLb = Transient.propagation("ECS does not see %s yet", Duration.ofMinutes(4), "InvalidParameterException", "does not have an associated load balancer");
        assertThatThrownBy(() -> settling.call(List.of(noLb), "web", waits::add, () -> {
            throw FakeAws.error("ecs:CreateService", "InvalidParameterException", "Error retrieving subnet information for [subnet-1]", 400);
        })).hasMessageContaining("Error retrieving subnet information");
        assertThatThrownBy(() -> settling.call(List.of(noLb), "web", waits::add, () -> {
            throw FakeAws.error("ecs:CreateService", "AccessDeniedException", "not authorized", 400);
        })).hasMessageContaining("not authorized");
        assertThat(waits).isEmpty();
        assertThat(clock.slept()).isZero();
    }
}

package dev.infra.providers.aws;

import dev.infra.core.provider.ResponseLostException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTest {
    private final VirtualClock clock = new VirtualClock();

    @Test
    void throttlingIsRetriedWithBackoffUntilItPasses() {
        Retrying retry = new Retrying(clock);
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call(() -> {
            if (calls.incrementAndGet() < 4) throw FakeAws.error("ec2:X", "Throttling", "slow down", 400);
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(clock.slept()).isPositive();
    }

    @Test
    void aCallNotSafeToRepeatIsRetriedWhenThrottledButNotAfterAnErrorThatMayHaveAppliedIt() {
        Retrying retry = new Retrying(clock);
        AtomicInteger calls = new AtomicInteger();
        assertThat(retry.once(() -> {
            if (calls.incrementAndGet() < 3) throw FakeAws.error("ec2:AllocateAddress", "Throttling", "Rate exceeded", 400);
            return "made";
        })).isEqualTo("made");
        for (RuntimeException maybeApplied : List.of(SdkClientException.create("Unable to execute HTTP request: Read timed out", new java.net.SocketTimeoutException("Read timed out")), FakeAws.error("ec2:AllocateAddress", "InternalError", "oops", 500))) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> retry.once(() -> {
                attempts.incrementAndGet();
                throw maybeApplied;
            })).isInstanceOf(ResponseLostException.class).hasCause(maybeApplied);
            assertThat(attempts).as("not repeated: it may have been made").hasValue(1);
        }
    }

    @Test
    void anAnswerTheSdkCannotReadIsNotRetriedAskingAgainGetsTheSameAnswer() {
        Retrying retry = new Retrying(clock);
        AtomicInteger calls = new AtomicInteger();
        SdkClientException unreadable = SdkClientException.create("Unable to unmarshall response (Input timestamp string must be no longer than 20 characters)",
                new RuntimeException("Input timestamp string must be no longer than 20 characters"));
        assertThatThrownBy(() -> retry.call(() -> {
            calls.incrementAndGet();
            throw unreadable;
        })).isSameAs(unreadable);
        assertThat(calls).hasValue(1);
        assertThat(clock.slept()).isZero();
    }

    @Test
    void anIoErrorIsRetried() {
        Retrying retry = new Retrying(clock);
        AtomicInteger calls = new AtomicInteger();
        assertThat(retry.call(() -> {
            if (calls.incrementAndGet() < 3) throw SdkClientException.create("Unable to execute HTTP request: Connection reset", new java.io.UncheckedIOException(new java.net.SocketException("Connection reset")));
            return "ok";
        })).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void attemptsPerCallAreBounded() {
        Retrying retry = new Retrying(clock);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call(() -> {
            calls.incrementAndGet();
            throw FakeAws.error("ec2:X", "ServiceUnavailable", "down", 503);
        })).hasMessageContaining("ServiceUnavailable");
        assertThat(calls).hasValue(Retrying.MAX_ATTEMPTS);
    }

    @Test
    void aCallThatSucceedsAfterARetryGivesItsCostBackSoSteadyThrottlingDoesNotDrainTheBudget() {
        Retrying retry = new Retrying(clock);
        for (int i = 0; i < 400; i++) {
            AtomicInteger attempts = new AtomicInteger();
            retry.call(() -> {
                if (attempts.incrementAndGet() == 1) throw FakeAws.error("ec2:X", "Throttling", "Rate exceeded", 400);
                return "ok";
            });
        }
        assertThat(retry.tokens()).as("400 calls, each throttled once, cost nothing in the end").isEqualTo(500);
    }

    @Test
    void theSharedBudgetRunsOutDuringAnOutageAndRefillsWithSuccesses() {
        Retrying retry = new Retrying(clock);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            try {
                retry.call(() -> {
                    calls.incrementAndGet();
                    throw FakeAws.error("ec2:X", "InternalError", "down", 500);
                });
            } catch (RuntimeException expected) {
                // every call fails
            }
        }
        assertThat(retry.tokens()).isLessThan(Retrying.RETRY_COST);
        assertThat(calls.get()).as("retries stop once the budget is spent").isLessThan(20 * Retrying.MAX_ATTEMPTS);
        int before = calls.get();
        assertThatThrownBy(() -> retry.call(() -> {
            calls.incrementAndGet();
            throw FakeAws.error("ec2:X", "InternalError", "down", 500);
        })).isNotNull();
        assertThat(calls.get() - before).as("no budget, no retry").isEqualTo(1);
        for (int i = 0; i < 10; i++) retry.call(() -> "ok");
        assertThat(retry.tokens()).isGreaterThanOrEqualTo(Retrying.RETRY_COST);
    }

    @Test
    void pollerReportsWhatItAwaitsAndTimesOutNamingIt() {
        Poller poller = new Poller(clock);
        List<String> said = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        assertThat(poller.await("the thing", Duration.ofMinutes(5), said::add,
                () -> polls.incrementAndGet() < 3 ? Optional.empty() : Optional.of("done"))).isEqualTo("done");
        assertThat(said).containsOnly("the thing").hasSize(2);
        assertThatThrownBy(() -> poller.await("Godot", Duration.ofMinutes(2), WaitReporter.NONE, Optional::empty))
                .hasMessage("timed out after 2 min waiting for Godot");
    }

    @Test
    void theJitterIsDrawnFromTheSeedTheTimeAndTheAttemptSoAVirtualRunRepeatsExactly() {
        List<java.time.Duration> pauses = new ArrayList<>();
        for (long seed : new long[] {1, 1, 2}) {
            VirtualClock c = new VirtualClock();
            Retrying retry = new Retrying(c, seed);
            AtomicInteger calls = new AtomicInteger();
            retry.call(() -> {
                if (calls.incrementAndGet() < 6) throw FakeAws.error("ec2:X", "Throttling", "Rate exceeded", 400);
                return "ok";
            });
            pauses.add(c.slept());
        }
        assertThat(pauses.get(1)).as("same seed, same clock: same backoff").isEqualTo(pauses.get(0));
        assertThat(pauses.get(2)).as("another seed jitters otherwise").isNotEqualTo(pauses.get(0));
    }
}

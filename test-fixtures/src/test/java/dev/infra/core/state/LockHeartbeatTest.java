package dev.infra.core.state;

import dev.infra.fixtures.aws.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat waits on the command's clock: under simulated time it renews at exact virtual instants. */
class LockHeartbeatTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void renewsEveryPeriodOfVirtualTimeWhileTheCommandRuns() throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        RecordingLock lock = new RecordingLock(clock, 0);
        try (var command = clock.join(); LockHeartbeat beat = LockHeartbeat.start(lock, Duration.ofSeconds(30), clock)) {
            clock.sleep(Duration.ofSeconds(100));
            assertThat(beat.lost()).isEmpty();
        }
        assertThat(lock.renewedAt).containsExactly(30L, 60L, 90L);
    }

    @Test
    void aRenewalThatFailsIsReportedAsALostLease() throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        RecordingLock lock = new RecordingLock(clock, 2);
        try (var command = clock.join(); LockHeartbeat beat = LockHeartbeat.start(lock, Duration.ofSeconds(30), clock)) {
            clock.sleep(Duration.ofSeconds(65));
            assertThat(beat.lost()).get().asString().contains("taken over");
        }
        assertThat(clock.running()).as("the heartbeat ended with its command").isZero();
    }

    /** A lock that notes the virtual second of each renewal, and fails the {@code failAt}th one (1-based; 0: never). */
    private static final class RecordingLock implements Lock {
        private final VirtualClock clock;
        private final int failAt;
        private final List<Long> renewedAt = new ArrayList<>();

        RecordingLock(VirtualClock clock, int failAt) {
            this.clock = clock;
            this.failAt = failAt;
        }

        @Override
        public LockInfo info() {
            return new LockInfo("id", "me", "host", "infra deploy", T0, T0.plusSeconds(120));
        }

        @Override
        public synchronized void renew() {
            renewedAt.add(Duration.between(T0, clock.now()).toSeconds());
            if (renewedAt.size() == failAt) throw new LockHeldException(null, "the lock was taken over");
        }

        @Override
        public void close() {
        }
    }
}

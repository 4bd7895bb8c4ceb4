package dev.infra.core.state;

import dev.infra.core.provider.WallClock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renews a lock's lease on a daemon thread while a command runs; {@link #lost()} tells if renewal failed. It waits
 * on the command's {@link WallClock}, as a participant, so under simulated time it renews every {@code every} of
 * virtual time, at the same instants on every run.
 */
public final class LockHeartbeat implements AutoCloseable {
    private final AtomicReference<RuntimeException> lost = new AtomicReference<>();
    private final Thread beat;
    private volatile boolean stopped;

    private LockHeartbeat(Lock lock, Duration every, WallClock clock) {
        beat = new Thread(clock.handOff(() -> beat(lock, every, clock)), "infra-lock-heartbeat");
        beat.setDaemon(true);
        beat.start();
    }

    public static LockHeartbeat start(Lock lock, Duration every, WallClock clock) {
        return new LockHeartbeat(lock, every, clock);
    }

    private void beat(Lock lock, Duration every, WallClock clock) {
        while (!stopped) {
            try {
                clock.sleep(every);
            } catch (InterruptedException closed) {
                return;
            }
            if (stopped) return;
            try {
                lock.renew();
            } catch (RuntimeException e) {
                lost.compareAndSet(null, e);
            }
        }
    }

    /** The renewal failure, if the lease was lost. */
    public java.util.Optional<RuntimeException> lost() {
        return java.util.Optional.ofNullable(lost.get());
    }

    /** Stops renewing, and waits for a renewal in progress to end, so none happens after the lock is released. */
    @Override
    public void close() {
        stopped = true;
        beat.interrupt();
        try {
            beat.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

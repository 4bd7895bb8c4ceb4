package dev.infra.core.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Renews a lock's lease on a daemon thread while a command runs; {@link #lost()} tells if renewal failed. */
public final class LockHeartbeat implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final AtomicReference<RuntimeException> lost = new AtomicReference<>();

    private LockHeartbeat(Lock lock, Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "infra-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                lock.renew();
            } catch (RuntimeException e) {
                lost.compareAndSet(null, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static LockHeartbeat start(Lock lock, Duration every) {
        return new LockHeartbeat(lock, every);
    }

    /** The renewal failure, if the lease was lost. */
    public java.util.Optional<RuntimeException> lost() {
        return java.util.Optional.ofNullable(lost.get());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

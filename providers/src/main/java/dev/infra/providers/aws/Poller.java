package dev.infra.providers.aws;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.WallClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way providers wait for AWS: poll a check until it yields a value, backing off from 2 to 15 seconds,
 * reporting what is awaited before each pause, failing with a message that names it after the timeout.
 */
public final class Poller {
    private static final Duration FIRST = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(15);
    private final WallClock clock;

    public Poller(WallClock clock) {
        this.clock = clock;
    }

    /** Thrown when the wait times out. */
    public static final class TimeoutException extends RuntimeException {
        TimeoutException(String message) {
            super(message);
        }

        TimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public <T> T await(String what, Duration timeout, WaitReporter waits, Supplier<Optional<T>> check) {
        Instant deadline = clock.now().plus(timeout);
        Duration pause = FIRST;
        while (true) {
            Optional<T> done = check.get();
            if (done.isPresent()) return done.get();
            if (clock.now().isAfter(deadline)) throw new TimeoutException("timed out after " + timeout.toMinutes()
                    + " min waiting for " + what);
            waits.waiting(what);
            sleep(pause);
            pause = pause.multipliedBy(3).dividedBy(2);
            if (pause.compareTo(MAX) > 0) pause = MAX;
        }
    }

    /** Runs {@code attempt} until it returns true, e.g. a delete that fails while dependents still exist. */
    public void until(String what, Duration timeout, WaitReporter waits, Supplier<Boolean> attempt) {
        await(what, timeout, waits, () -> attempt.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private void sleep(Duration d) {
        clock.pause(d, "waiting");
    }
}

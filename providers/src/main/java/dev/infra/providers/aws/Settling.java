package dev.infra.providers.aws;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.WallClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Waits out the refusals AWS gives while a change settles ({@link Transient}): each attempt goes through the retry
 * policy; a matching refusal is reported on the progress line with the time waited so far ("WAF cannot see load
 * balancer carbon-dev-api yet (AWS propagation), 40 s") and retried after a pause growing from 1 to 15 s, until the
 * budget is spent; the last attempt is made when it runs out, and its refusal is the error, naming AWS's message.
 * Any other error passes through at once.
 */
public final class Settling {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(15);
    private final WallClock clock;
    private final Retrying retry;

    Settling(WallClock clock, Retrying retry) {
        this.clock = clock;
        this.retry = retry;
    }

    /** Thrown when a budget runs out: what was awaited, for how long, and what AWS last said. */
    public static final class GaveUp extends RuntimeException {
        GaveUp(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The error when {@code t}'s budget ran out for {@code subject} and AWS last said {@code awsSays}; also for refusals
     * that AWS reports other than as an error of the call (a service event), which their waits watch themselves.
     */
    public static GaveUp gaveUp(Transient t, String subject, String awsSays, Throwable cause) {
        return new GaveUp("gave up after " + minutes(t.budget()) + ": " + t.describe(subject) + "; AWS says " + awsSays, cause);
    }

    public <T> T call(List<Transient> cases, String subject, WaitReporter waits, Supplier<T> call) {
        return call(cases, subject, waits, call, true);
    }

    /** As {@link #call(List, String, WaitReporter, Supplier)}; a call not {@code repeatable} is made as {@link Retrying#once}. */
    public <T> T call(List<Transient> cases, String subject, WaitReporter waits, Supplier<T> call, boolean repeatable) {
        Instant start = clock.now();
        Duration pause = FIRST;
        while (true) {
            try {
                return retry.call(call, repeatable);
            } catch (RuntimeException e) {
                Transient t = cases.stream().filter(c -> c.matches(e)).findFirst().orElseThrow(() -> e);
                Duration waited = Duration.between(start, clock.now());
                if (waited.compareTo(t.budget()) >= 0) throw gaveUp(t, subject, AwsErrors.message(e), e);
                waits.waiting(t.describe(subject) + ", " + waited.toSeconds() + " s");
                sleep(min(pause, t.budget().minus(waited)));
                pause = min(pause.multipliedBy(2), MAX);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private void sleep(Duration d) {
        clock.pause(d, "waiting");
    }
}

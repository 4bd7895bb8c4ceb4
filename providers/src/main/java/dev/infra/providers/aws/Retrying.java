package dev.infra.providers.aws;

import dev.infra.core.provider.WallClock;
import dev.infra.core.provider.ResponseLostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The retry policy of every provider call: throttling, 5xx and I/O errors are retried with capped
 * exponential backoff and full jitter, at most {@value #MAX_ATTEMPTS} attempts per call, out of a budget shared by
 * all calls (a token bucket as in the SDK's standard mode: a retry costs {@value #RETRY_COST} tokens; a call that
 * succeeds at once refunds one, one that succeeds after retrying refunds its last retry's cost), so a real outage
 * fails fast instead of multiplying traffic while steady throttling that retries resolve does not drain the budget.
 * Other errors pass through at once.
 */
public final class Retrying {
    static final int MAX_ATTEMPTS = 10;
    static final int RETRY_COST = 5;
    private static final int CAPACITY = 500;
    private static final long BASE_MS = 100;
    private static final long CAP_MS = 20_000;
    private final WallClock clock;
    private final long seed;
    private int tokens = CAPACITY;

    public Retrying(WallClock clock) {
        this(clock, 0);
    }

    /** With the jitter drawn from {@code seed}, the clock's time and the attempt: on a virtual clock, runs repeat exactly. */
    public Retrying(WallClock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
    }

    public <T> T call(Supplier<T> call) {
        return call(call, true);
    }

    /**
     * A call that makes something each time it is made (a create without an idempotency token): it is retried only
     * when AWS refused it (throttling); after an I/O error or a server error it may have been applied, so it is not
     * repeated here but reported as {@link ResponseLostException}, for the executor to look for what it made first.
     */
    public <T> T once(Supplier<T> call) {
        return call(call, false);
    }

    <T> T call(Supplier<T> call, boolean repeatable) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = call.get();
                refund(attempt == 1 ? 1 : RETRY_COST);
                return result;
            } catch (AwsServiceException | SdkClientException e) {
                if (e instanceof AwsServiceException a && AwsErrors.isAccessDenied(a)) throw new AccessDenied(a);
                if (!repeatable && mayHaveApplied(e)) throw new ResponseLostException("no answer to a call that makes something ("
                        + AwsErrors.message(e) + "); it may have been made", e);
                if (!retryable(e) || attempt >= MAX_ATTEMPTS || !spend()) throw e;
                pause(attempt);
            }
        }
    }

    /**
     * An error after which the call may have been applied: the connection failed, the answer could not be read, or the
     * server failed; not a refusal.
     */
    static boolean mayHaveApplied(RuntimeException e) {
        if (e instanceof AwsServiceException a) return retryable(a) && !a.isThrottlingException();
        return e instanceof SdkClientException;
    }

    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /**
     * Throttling, I/O and 5xx errors; not 501, an operation the endpoint does not implement, nor a client error that is
     * no I/O error (an answer the SDK cannot read, a request it cannot write): asking again cannot help. I/O is told as
     * the SDK's own retry condition tells it, by an {@link IOException} (or its unchecked wrapper) among the causes.
     */
    static boolean retryable(RuntimeException e) {
        if (e instanceof AwsServiceException a) return a.isThrottlingException() || (a.statusCode() >= 500 && a.statusCode() != 501);
        return e instanceof SdkClientException && io(e);
    }

    private static boolean io(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IOException || t instanceof UncheckedIOException) return true;
        return false;
    }

    private void pause(int attempt) {
        long ceiling = Math.min(CAP_MS, BASE_MS << Math.min(attempt, 20));
        clock.pause(Duration.ofMillis(jitter(attempt).nextLong(ceiling / 2, ceiling + 1)), "backing off");
    }

    /**
     * The jitter's source: a function of the seed, the time and the attempt rather than a shared random stream, whose
     * draws would depend on the order threads happen to retry in. On a real clock the time varies it as well as a
     * random stream does; on a virtual one, the same run jitters the same way.
     */
    private SplittableRandom jitter(int attempt) {
        java.time.Instant now = clock.now();
        return new SplittableRandom(seed ^ (now.getEpochSecond() * 1_000_000_007L + now.getNano()) * 0x9E3779B97F4A7C15L ^ attempt);
    }

    private synchronized boolean spend() {
        if (tokens < RETRY_COST) return false;
        tokens -= RETRY_COST;
        return true;
    }

    private synchronized void refund(int n) {
        tokens = Math.min(CAPACITY, tokens + n);
    }

    synchronized int tokens() {
        return tokens;
    }
}

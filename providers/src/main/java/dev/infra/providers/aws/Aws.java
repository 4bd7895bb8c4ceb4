package dev.infra.providers.aws;

import dev.infra.core.provider.WaitReporter;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every provider works with: the clients, the retry policy every call goes through, and the poller every wait
 * uses. One per process, shared by all providers, so the retry budget is shared too.
 */
public final class Aws {
    private final AwsClients clients;
    private final Retrying retry;
    private final Poller poller;
    private final Settling settling;
    private volatile String account;
    private final java.util.Set<String> noted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Aws(AwsClients clients) {
        this.clients = clients;
        this.retry = new Retrying(clients.clock());
        this.poller = new Poller(clients.clock());
        this.settling = new Settling(clients.clock(), retry);
    }

    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(Class<C> type, Supplier<B> builder) {
        return clients.get(type, builder);
    }

    public AwsClients clients() {
        return clients;
    }

    public Retrying retry() {
        return retry;
    }

    public Poller poller() {
        return poller;
    }

    /** The account the credentials belong to, asked of STS once. */
    public String account() {
        String a = account;
        if (a == null) account = a = call(() -> clients.sts().getCallerIdentity()).account();
        return a;
    }

    /** Prints a note on stderr the first time {@code key} is noted in this run (a fallback chosen, not an error). */
    public void noteOnce(String key, String note) {
        if (noted.add(key)) clients.stderr().println(note);
    }

    /** One AWS call under the retry policy. */
    public <T> T call(Supplier<T> call) {
        return retry.call(call);
    }

    public void run(Runnable call) {
        retry.run(call);
    }

    /**
     * A create that AWS makes anew each time it is called (no idempotency token): not repeated after an I/O or server
     * error, after which it may have been made; the executor looks for it by its tags first (see {@link Retrying#once}).
     */
    public <T> T once(Supplier<T> call) {
        return retry.once(call);
    }

    /** {@link #settle} of a create not safe to repeat ({@link #once}). */
    public <T> T settleOnce(String subject, WaitReporter waits, Supplier<T> call, Transient... cases) {
        return settling.call(java.util.List.of(cases), subject, waits, call, false);
    }

    /**
     * One AWS call under the retry policy that also waits out the given refusals of a change still settling, each
     * for its budget, saying what it waits for (see {@link Settling}).
     */
    public <T> T settle(String subject, WaitReporter waits, Supplier<T> call, Transient... cases) {
        return settling.call(java.util.List.of(cases), subject, waits, call);
    }

    public void settleRun(String subject, WaitReporter waits, Runnable call, Transient... cases) {
        settle(subject, waits, () -> {
            call.run();
            return null;
        }, cases);
    }

    /**
     * Deletes with {@code delete}, retried while AWS says something still uses the resource (a subnet whose network
     * interfaces are being released); a resource already gone counts as deleted.
     */
    public void deleteWhenUnused(String what, Duration timeout, Runnable delete) {
        deleteWhenUnused(what, timeout, WaitReporter.NONE, delete);
    }

    /**
     * As {@link #deleteWhenUnused(String, Duration, Runnable)}, saying while it waits for dependents to go; when the
     * timeout runs out, the error ends with what AWS last said ("; AWS says InvalidDBSubnetGroupStateFault: ...").
     */
    public void deleteWhenUnused(String what, Duration timeout, WaitReporter waits, Runnable delete) {
        RuntimeException[] inUse = {null};
        try {
            poller.until(what + " to be free of dependents", timeout, waits, () -> {
                try {
                    retry.run(delete);
                    return true;
                } catch (RuntimeException e) {
                    if (AwsErrors.isNotFound(e)) return true;
                    if (!AwsErrors.isInUse(e)) throw e;
                    inUse[0] = e;
                    return false;
                }
            });
        } catch (Poller.TimeoutException t) {
            if (inUse[0] == null) throw t;
            throw new Poller.TimeoutException(t.getMessage() + "; AWS says " + AwsErrors.message(inUse[0]), inUse[0]);
        }
    }

    /** Runs {@code call}; "not found" is not an error (the thing is already gone). */
    public void ignoringNotFound(Runnable call) {
        try {
            retry.run(call);
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) throw e;
        }
    }
}

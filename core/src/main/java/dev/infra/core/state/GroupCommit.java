package dev.infra.core.state;

import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.provider.WallClock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Group commit of a {@link StateSession} while steps run in parallel. A change applies at once to the state the steps
 * read ({@link #state}); one writer thread stores everything changed since its last write in one conditional write
 * ({@link StateSession#append}). While a write is in flight, changes pile up for the next, so steps running in parallel
 * share writes. A caller that must not go on before its change is stored (a pending record before a mutating call)
 * uses {@link #updateDurably} and waits for the write that holds it; one that need not (a result, which the next write
 * carries, as writes hold the whole state) uses {@link #update}, and makes no write of its own; one wanted stored before
 * a step that has not started yet (a create's pending record, written ahead) uses {@link #updateSoon}, which asks for a
 * write and does not wait for it. One that knows no further change needs storing before the end asks for the journal
 * to be closed ahead ({@link #sealSoon}), so the snapshot {@link #close} writes takes one request less. Every wait goes
 * through the clock's mailboxes, so
 * simulated time understands it. Once a write fails, every later change and wait fails with that error.
 */
public final class GroupCommit implements AutoCloseable {
    private record Written(Throwable failure) { }

    private record Waiter(long seq, WallClock.Mailbox<Written> reply) { }

    private final StateSession session;
    private final WallClock clock;
    private final WallClock.Mailbox<Boolean> wake;
    private final WallClock.Mailbox<Boolean> stopped;
    private final Object lock = new Object();
    private final List<Waiter> waiters = new ArrayList<>();
    private State latest;
    private long changed;
    private long written;
    /** The highest change number some caller asked to have stored without waiting for it ({@link #updateSoon}). */
    private long wanted;
    private Throwable failure;
    /** Asked by {@link #sealSoon}; done once the writer has sealed (or tried to). */
    private boolean sealAsked;
    private boolean sealDone;
    private boolean idle;
    private boolean closing;

    public GroupCommit(StateSession session, WallClock clock) {
        this.session = session;
        this.clock = clock;
        this.latest = session.state();
        this.wake = clock.mailbox();
        this.stopped = clock.mailbox();
        Thread writer = new Thread(clock.handOff(this::writeLoop), "infra-state-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** The state with every change so far, stored or not. */
    public State state() {
        synchronized (lock) {
            return latest;
        }
    }

    /**
     * Applies {@code change} now; the next write stores it (one that a durable change or {@link #flush} asks for).
     * Returns its number, for {@link #awaitStored}.
     */
    public long update(UnaryOperator<State> change) {
        return enqueue(change, null, false);
    }

    /**
     * Applies {@code change} now and asks for a write that holds it, without waiting for it: a record wanted stored
     * before a step that has not started yet (see {@link #awaitStored}). Returns its number.
     */
    public long updateSoon(UnaryOperator<State> change) {
        return enqueue(change, null, true);
    }

    /**
     * Asks the writer to close the journal once every write asked for so far is stored ({@link StateSession#seal}),
     * without waiting: for a caller that knows nothing more must be stored before {@link #close}, so the snapshot there
     * takes one request less. A durable change after it still works; its write is then a snapshot.
     */
    public void sealSoon() {
        boolean signal;
        synchronized (lock) {
            if (sealAsked || closing) return;
            sealAsked = true;
            signal = wakeWriter();
        }
        if (signal) wake.put(Boolean.TRUE);
    }

    /** Returns once the change {@link #update} or {@link #updateSoon} numbered {@code seq} is stored, asking for a write if none is due. */
    public void awaitStored(long seq) {
        WallClock.Mailbox<Written> reply = clock.mailbox();
        boolean signal;
        synchronized (lock) {
            if (failure != null) throw rethrow(failure);
            if (written >= seq) return;
            waiters.add(new Waiter(seq, reply));
            signal = wakeWriter();
        }
        if (signal) wake.put(Boolean.TRUE);
        await(reply);
    }

    /** Applies {@code change} now and returns once a write holding it has been stored. */
    public void updateDurably(UnaryOperator<State> change) {
        WallClock.Mailbox<Written> reply = clock.mailbox();
        enqueue(change, reply, false);
        await(reply);
    }

    /** Returns once every change so far is stored. */
    public void flush() {
        WallClock.Mailbox<Written> reply = clock.mailbox();
        boolean signal;
        synchronized (lock) {
            if (failure != null) throw rethrow(failure);
            if (changed == written) return;
            waiters.add(new Waiter(changed, reply));
            signal = wakeWriter();
        }
        if (signal) wake.put(Boolean.TRUE);
        await(reply);
    }

    /**
     * Stops the writer (after the write in flight) and stores the state with every change as one snapshot, folding the
     * journal in: the end of a run. Throws the error a write failed with, if one did.
     */
    @Override
    public void close() {
        stop();
        State last;
        boolean unsaved;
        synchronized (lock) {
            if (failure != null) throw rethrow(failure);
            last = latest;
            unsaved = changed != written;
        }
        session.compact(unsaved ? last : null);
    }

    /** Stops the writer without storing what is left (the process is going down). */
    public void abandon() {
        stop();
    }

    private void stop() {
        boolean signal;
        synchronized (lock) {
            if (closing) return;
            closing = true;
            signal = wakeWriter();
        }
        if (signal) wake.put(Boolean.TRUE);
        try {
            stopped.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long enqueue(UnaryOperator<State> change, WallClock.Mailbox<Written> reply, boolean soon) {
        boolean signal;
        long seq;
        synchronized (lock) {
            if (failure != null) throw rethrow(failure);
            if (closing) throw new IllegalStateException("state writer already closed");
            latest = change.apply(latest);
            changed++;
            seq = changed;
            if (reply != null) waiters.add(new Waiter(changed, reply));
            if (soon) wanted = changed;
            signal = wakeWriter();
        }
        if (signal) wake.put(Boolean.TRUE);
        return seq;
    }

    /** With the lock held: whether the caller must wake the writer (it was idle, and is not any more). */
    private boolean wakeWriter() {
        boolean was = idle;
        idle = false;
        return was;
    }

    private void await(WallClock.Mailbox<Written> reply) {
        Written w;
        try {
            w = reply.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException(ExitCode.INTERRUPTED, "interrupted while the state was being written");
        }
        if (w.failure() != null) throw rethrow(w.failure());
    }

    private void writeLoop() {
        try {
            while (true) {
                State batch;
                long upTo;
                boolean seal;
                synchronized (lock) {
                    if (closing) return;
                    boolean due = failure == null && changed != written && (!waiters.isEmpty() || wanted > written);
                    seal = !due && failure == null && sealAsked && !sealDone;
                    if (!due && !seal) idle = true;
                    batch = due ? latest : null;
                    upTo = changed;
                }
                if (batch != null) write(batch, upTo);
                else if (seal) seal();
                else wake.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failWaiters();
            stopped.put(Boolean.TRUE);
        }
    }

    private void write(State batch, long upTo) {
        Throwable error = null;
        try {
            session.append(batch);
        } catch (RuntimeException | Error e) {
            error = e;
        }
        List<Waiter> done = new ArrayList<>();
        synchronized (lock) {
            if (error == null) written = upTo;
            else failure = error;
            for (var it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.seq() <= upTo || error != null) {
                    done.add(w);
                    it.remove();
                }
            }
        }
        for (Waiter w : done) w.reply().put(new Written(error));
    }

    private void seal() {
        Throwable error = null;
        try {
            session.seal();
        } catch (RuntimeException | Error e) {
            error = e;
        }
        synchronized (lock) {
            sealDone = true;
            if (error != null) failure = error;
        }
    }

    /** On the way out: nobody may wait on for a write that will not come. */
    private void failWaiters() {
        List<Waiter> left;
        synchronized (lock) {
            left = List.copyOf(waiters);
            waiters.clear();
        }
        Written stoppedEarly = new Written(new StateException("the state writer stopped before this change was stored"));
        for (Waiter w : left) w.reply().put(stoppedEarly);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) throw e;
        return (RuntimeException) t;
    }
}

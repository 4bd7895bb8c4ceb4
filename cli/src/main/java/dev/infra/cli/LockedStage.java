package dev.infra.cli;

import dev.infra.core.provider.WallClock;
import dev.infra.core.state.LastChange;
import dev.infra.core.state.Lock;
import dev.infra.core.state.LockHeartbeat;
import dev.infra.core.state.LockInfo;
import dev.infra.core.state.ProcessSpace;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateSession;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** Holds the stage's lock (renewed by a heartbeat) while a mutating command runs, and the state session under it. */
public final class LockedStage implements AutoCloseable {
    private final WallClock.Attendance attendance;
    private Lock lock;
    private LockHeartbeat heartbeat;
    private StateSession session;
    private Thread onInterrupt;
    private boolean released;

    public LockedStage(StateBackend backend, String app, String stage, String command) {
        this(backend, app, stage, command, WallClock.SYSTEM, null);
    }

    /**
     * Takes the lock; the calling thread takes part in {@code clock}'s time until {@link #close}, on the same thread.
     * Every state write under this lock records {@code stamp}'s answer as the stage's last change.
     */
    public LockedStage(StateBackend backend, String app, String stage, String command, WallClock clock, Supplier<LastChange> stamp) {
        this.attendance = clock.join();
        try {
            LockInfo who = new LockInfo(UUID.randomUUID().toString(), user(), ProcessSpace.hostName(), command, Instant.now(), Instant.now(),
                    ProcessHandle.current().pid(), ProcessSpace.current());
            this.lock = backend.locker(app, stage).acquire(who);
            this.heartbeat = LockHeartbeat.start(lock, Duration.ofSeconds(30), clock);
            this.onInterrupt = new Thread(this::interrupted, "infra-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            this.session = StateSession.open(backend, app, stage, stamp);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Ctrl-C (or a kill) while the lock is held: release it, so the next run needs no unlock. */
    private void interrupted() {
        System.err.println("\ninfra: interrupted; state is saved up to the last finished step, rerun the command to resume");
        release();
    }

    public StateSession session() {
        return session;
    }

    /** Why the lock may no longer be ours: its lease could not be renewed (someone may have taken the stage over). */
    public java.util.Optional<String> leaseLost() {
        return heartbeat.lost().map(e -> "the lock's lease was lost (" + e.getMessage() + ")");
    }

    /** The holder whose lock this took over because its process on this host was gone, if any. */
    public java.util.Optional<LockInfo> tookOverFrom() {
        return lock.tookOverFrom();
    }

    /** Who runs this process, as recorded in locks and state: {@code user@host}. */
    public static String identity() {
        return user() + "@" + ProcessSpace.hostName();
    }

    private static String user() {
        return System.getProperty("user.name", "unknown");
    }

    /** Releases the lock (if taken) and ends the thread's part in the clock; also undoes a constructor that failed. */
    @Override
    public void close() {
        if (onInterrupt != null) try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run
        }
        release();
        attendance.close();
    }

    private synchronized void release() {
        if (released) return;
        released = true;
        if (heartbeat != null) heartbeat.close();
        if (lock != null) lock.close();
    }
}

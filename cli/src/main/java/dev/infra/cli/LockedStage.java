package dev.infra.cli;

import dev.infra.core.state.Lock;
import dev.infra.core.state.LockHeartbeat;
import dev.infra.core.state.LockInfo;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateSession;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Holds the stage's lock (renewed by a heartbeat) while a mutating command runs, and the state session under it. */
public final class LockedStage implements AutoCloseable {
    private final Lock lock;
    private final LockHeartbeat heartbeat;
    private final StateSession session;

    public LockedStage(StateBackend backend, String app, String stage, String command) {
        LockInfo who = new LockInfo(UUID.randomUUID().toString(), System.getProperty("user.name", "unknown"), host(),
                command, Instant.now(), Instant.now());
        this.lock = backend.locker(app, stage).acquire(who);
        this.heartbeat = LockHeartbeat.start(lock, Duration.ofSeconds(30));
        this.session = StateSession.open(backend, app, stage);
    }

    public StateSession session() {
        return session;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        heartbeat.close();
        lock.close();
    }
}

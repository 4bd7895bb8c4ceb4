package dev.infra.core.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A lock object with a lease, on a {@link ConditionalStore}. */
final class LeasedLocker implements StateLocker {
    private final ConditionalStore store;
    private final String key;
    private final String what;
    private final Clock clock;
    private final Duration lease;

    LeasedLocker(ConditionalStore store, String key, String what, Clock clock, Duration lease) {
        this.store = store;
        this.key = key;
        this.what = what;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public Lock acquire(LockInfo who) {
        for (int attempt = 0; attempt < 5; attempt++) {
            LockInfo mine = withLease(who);
            Optional<ConditionalStore.Versioned> held = store.get(key);
            try {
                if (held.isEmpty()) return new Held(mine, store.put(key, StateCodec.lockToJson(mine), null));
                LockInfo holder = StateCodec.lockFromJson(held.get().content());
                boolean dead = holder.deadIn(who.space());
                if (!holder.expired(clock.instant()) && !dead) throw held(holder);
                Held taken = new Held(mine, store.put(key, StateCodec.lockToJson(mine), held.get().version()));
                if (dead) taken.tookOverFrom = holder;
                return taken;
            } catch (ConditionalStore.PreconditionFailedException raced) {
                // someone else created or took over the lock in between: look again
            }
        }
        throw current().map(this::held).orElseGet(() -> new LockHeldException(null, "could not take the lock of " + what
                + " (heavy contention); try again"));
    }

    private LockInfo withLease(LockInfo who) {
        Instant now = clock.instant();
        return who.withLease(now, now.plus(lease));
    }

    private LockHeldException held(LockInfo h) {
        long minutes = Duration.between(h.since(), clock.instant()).toMinutes();
        return new LockHeldException(h, "state of " + what + " is locked by " + h.who() + "@" + h.host() + " running '"
                + h.command() + "' since " + h.since() + " (" + minutes + "m ago); wait for it, or run"
                + " 'infra state unlock --force' if that run is dead");
    }

    @Override
    public Optional<LockInfo> current() {
        return store.get(key).map(v -> StateCodec.lockFromJson(v.content()));
    }

    @Override
    public void forceUnlock() {
        store.delete(key, null);
    }

    private final class Held implements Lock {
        private LockInfo info;
        private String version;
        private boolean released;
        private LockInfo tookOverFrom;

        Held(LockInfo info, String version) {
            this.info = info;
            this.version = version;
        }

        @Override
        public synchronized LockInfo info() {
            return info;
        }

        @Override
        public synchronized Optional<LockInfo> tookOverFrom() {
            return Optional.ofNullable(tookOverFrom);
        }

        @Override
        public synchronized void renew() {
            if (released) return;
            LockInfo next = info.withLease(info.since(), clock.instant().plus(lease));
            try {
                version = store.put(key, StateCodec.lockToJson(next), version);
                info = next;
            } catch (ConditionalStore.PreconditionFailedException e) {
                throw current().map(LeasedLocker.this::held)
                        .orElseGet(() -> new LockHeldException(null, "the lock of " + what + " was broken by someone else"));
            }
        }

        /**
         * Releases the lock if it is still ours. The delete is conditional on our version; the lock is also read
         * first, because some S3-compatible stores (moto) ignore If-Match on DeleteObject and would delete the lock
         * of whoever took over after our lease expired.
         */
        @Override
        public synchronized void close() {
            if (released) return;
            released = true;
            if (!stillOurs()) return;
            try {
                store.delete(key, version);
            } catch (ConditionalStore.PreconditionFailedException e) {
                // taken over after our lease expired: theirs now, leave it
            }
        }

        private boolean stillOurs() {
            try {
                return current().map(now -> now.id().equals(info.id())).orElse(false);
            } catch (StateException unreadable) {
                return true;
            }
        }
    }
}

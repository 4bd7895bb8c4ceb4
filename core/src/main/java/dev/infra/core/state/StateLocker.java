package dev.infra.core.state;

import java.util.Optional;

/** The lock of one app and stage. */
public interface StateLocker {
    /**
     * Takes the lock, or takes over a lock whose lease expired.
     *
     * @throws LockHeldException with the holder when it is held
     */
    Lock acquire(LockInfo who);

    /** Who holds the lock now, if anyone. */
    Optional<LockInfo> current();

    /** Breaks the lock whoever holds it ({@code infra state unlock --force}). */
    void forceUnlock();
}

package dev.infra.core.state;

/** A held lock: renew extends the lease; close releases it (only if still ours). */
public interface Lock extends AutoCloseable {
    LockInfo info();

    /** The holder this acquisition broke the lock of because its process on this host no longer exists, if any. */
    default java.util.Optional<LockInfo> tookOverFrom() {
        return java.util.Optional.empty();
    }

    /** Extends the lease; throws {@link LockHeldException} when it was lost to someone else. */
    void renew();

    @Override
    void close();
}

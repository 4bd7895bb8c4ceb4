package dev.infra.core.state;

/** A held lock: renew extends the lease; close releases it (only if still ours). */
public interface Lock extends AutoCloseable {
    LockInfo info();

    /** Extends the lease; throws {@link LockHeldException} when it was lost to someone else. */
    void renew();

    @Override
    void close();
}

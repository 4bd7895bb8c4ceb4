package dev.infra.core.state;

import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;

/** The lock is held by someone else. */
public class LockHeldException extends InfraException {
    private final LockInfo holder;

    public LockHeldException(LockInfo holder, String message) {
        super(ExitCode.LOCK_HELD, message);
        this.holder = holder;
    }

    public LockInfo holder() {
        return holder;
    }
}

package dev.infra.core.state;

import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;

/** State could not be read or written (corrupt, unknown format version, I/O). */
public class StateException extends InfraException {
    public StateException(String message) {
        super(ExitCode.STATE_CONFLICT, message);
    }

    public StateException(String message, Throwable cause) {
        super(ExitCode.STATE_CONFLICT, message, cause);
    }
}

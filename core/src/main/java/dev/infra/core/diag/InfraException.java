package dev.infra.core.diag;

/** Base of every expected failure; carries the process exit code the CLI should use. */
public class InfraException extends RuntimeException {
    private final ExitCode exitCode;

    public InfraException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public InfraException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}

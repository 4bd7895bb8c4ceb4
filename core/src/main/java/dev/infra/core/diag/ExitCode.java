package dev.infra.core.diag;

/** The process exit codes, documented in the README. */
public enum ExitCode {
    OK(0, "success"),
    FAILURE(1, "the operation failed (AWS error, failed step, internal error)"),
    INVALID_INPUT(2, "bad input or usage: infra.yaml, flags, .env file, plan file"),
    LOCK_HELD(3, "the stage's state is locked by another run"),
    CHANGES_PENDING(4, "diff --detailed-exitcode: the plan has changes"),
    STATE_CONFLICT(5, "state moved on or is unreadable: saved plan is stale, concurrent writer, corrupt state"),
    NO_PROVIDER(6, "no provider is registered, or none can work here (no Docker engine), for a resource type the command changes"),
    NOT_HEALTHY(7, "status: a service is not steady or healthy, or a database is not available (or nothing is deployed)"),
    INTERRUPTED(130, "interrupted (Ctrl-C); state is saved up to the last finished step");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}

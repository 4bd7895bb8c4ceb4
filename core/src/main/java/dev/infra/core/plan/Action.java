package dev.infra.core.plan;

/** What the plan does to one resource. */
public enum Action {
    CREATE("+"), UPDATE("~"), REPLACE("-/+"), DELETE("-"),
    /**
     * Left in AWS, and kept in state so that a later deploy of the stage finds it as it is and a later remove keeps it
     * again: a stateful resource of a protected stage on {@code remove}, and what it stands on.
     */
    RETAIN("="),
    NOOP(" ");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether applying it calls AWS or changes state. */
    public boolean changes() {
        return this != NOOP;
    }
}

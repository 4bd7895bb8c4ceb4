package dev.infra.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C as a request to stop rather than a kill, for a command that runs until interrupted ({@code logs --follow}):
 * while installed, SIGINT sets a flag the command polls, so it ends normally (exit 0); closing restores the previous
 * handler. Where the JVM offers no signal API, Ctrl-C ends the process as usual.
 */
public final class Interrupts implements AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Object previous;

    private Interrupts(Object previous) {
        this.previous = previous;
    }

    public static Interrupts onCtrlC() {
        try {
            sun.misc.Signal signal = new sun.misc.Signal("INT");
            Interrupts[] self = new Interrupts[1];
            Object previous = sun.misc.Signal.handle(signal, s -> self[0].requested.set(true));
            if (previous == sun.misc.SignalHandler.SIG_IGN) return new Interrupts(null);
            self[0] = new Interrupts(previous);
            return self[0];
        } catch (IllegalArgumentException | LinkageError unsupported) {
            return new Interrupts(null);
        }
    }

    /**
     * Whether Ctrl-C is caught: false where the JVM offers no signal API (then it ends the process), and where the
     * process ignores SIGINT (started in the background by a shell: the JVM then keeps it ignored, and no Ctrl-C
     * can reach it anyway).
     */
    public boolean installed() {
        return previous != null;
    }

    public boolean requested() {
        return requested.get();
    }

    @Override
    public void close() {
        if (previous instanceof sun.misc.SignalHandler h) sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
    }
}

package dev.infra.cli;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Ctrl-C while {@code logs --follow} runs is a request to stop, not a kill, so the command ends with exit 0. It
 * waits (at most 10 s of real time) for the JVM to deliver a real signal, so it is in the it profile, not in the
 * default suite; where this process ignores SIGINT (started in the background by a shell) it is skipped.
 */
class InterruptsIT {
    @Test
    void ctrlCIsCaughtAsARequestToStop() throws Exception {
        try (Interrupts ctrlC = Interrupts.onCtrlC()) {
            assumeThat(ctrlC.installed()).as("this JVM offers a signal API").isTrue();
            assertThat(ctrlC.requested()).isFalse();
            sun.misc.Signal.raise(new sun.misc.Signal("INT"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // real time: the OS delivers the signal asynchronously
            while (!ctrlC.requested() && System.nanoTime() < deadline) Thread.onSpinWait(); // real time: bounded wait for that delivery
            assertThat(ctrlC.requested()).as("the signal reached the handler, and the JVM is still here").isTrue();
        }
    }
}

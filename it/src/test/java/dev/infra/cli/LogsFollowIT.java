package dev.infra.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@code infra logs --follow} on FakeAws (LogsApp), ended by a real Ctrl-C. */
class LogsFollowIT {
    @TempDir
    Path dir;
    private LogsApp app;
    private StageCli cli;

    @BeforeEach
    void setUp() throws Exception {
        app = new LogsApp(dir);
        cli = app.cli;
    }

    @AfterEach
    void forget() {
        app.close();
    }

    /**
     * {@code --follow} through the CLI: polls (on FakeAws's virtual clock, so without waiting) and prints each line
     * once however often it rereads; Ctrl-C, raised once the follow loop runs (its handler installed), ends it with
     * exit 0. It waits on real signal delivery (at most 30 s of real time for the lines, 30 s for the end), so it is
     * in the it profile, not in the default suite.
     */
    @Test
    void followPrintsEachLineOnceUntilCtrlCAndExitsZero() throws Exception {
        cli.ok("deploy", "--yes");
        try (Interrupts probe = Interrupts.onCtrlC()) {
            assumeThat(probe.installed()).as("this JVM offers a signal API").isTrue();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        AtomicInteger code = new AtomicInteger(-1);
        Io io = new Io(print, new PrintStream(OutputStream.nullOutputStream()), InputStream.nullInputStream(),
                app.env(), dir, false);
        Thread follow = new Thread(() -> code.set(Main.run(io, "logs", "web", "--follow", "--stage", "dev")));
        follow.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // real time: the follow loop runs on its own thread until a real Ctrl-C
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 4 && System.nanoTime() < deadline) Thread.sleep(10); // real time: bounded wait for its first lines
        sun.misc.Signal.raise(new sun.misc.Signal("INT"));
        follow.join(30_000);
        assertThat(follow.isAlive()).isFalse();
        assertThat(code.get()).as("Ctrl-C ends --follow with exit 0").isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).as("each line once, though reread every poll").hasSize(4);
    }
}

package dev.infra.cli;

import dev.infra.core.exec.ProgressEvent;
import dev.infra.core.exec.ProgressListener;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Progress for logs and CI: one timestamped line per event. */
public final class LinePrinter implements ProgressListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final PrintStream err;

    public LinePrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void onEvent(ProgressEvent e) {
        err.println(TIME.format(e.at()) + " " + line(e));
    }

    static String line(ProgressEvent e) {
        String verb = e.action().name().toLowerCase();
        return switch (e.kind()) {
            case STARTED -> verb + " " + e.address() + " (" + e.type() + ") started";
            case WAITING -> verb + " " + e.address() + " waiting: " + e.message() + " [" + seconds(e) + "]";
            case DONE -> verb + " " + e.address() + " done [" + seconds(e) + "]";
            case FAILED -> verb + " " + e.address() + " FAILED [" + seconds(e) + "]: " + e.message();
        };
    }

    static String seconds(ProgressEvent e) {
        return String.format("%.1fs", e.elapsed().toMillis() / 1000.0);
    }
}

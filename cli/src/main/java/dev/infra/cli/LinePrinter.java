package dev.infra.cli;

import dev.infra.core.exec.ProgressEvent;
import dev.infra.core.exec.ProgressListener;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Progress for logs and CI: one timestamped line per event, except that a step polling on the same thing is
 * reported as {@link WaitThrottle} says, not on every poll; a failure with the
 * same message as an earlier one (no credentials, say, hitting every step in flight) names that step instead of
 * repeating the message.
 */
public final class LinePrinter implements ProgressListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final PrintStream err;
    private final WaitThrottle throttle = new WaitThrottle();
    private final Map<String, String> firstFailed = new HashMap<>();

    public LinePrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void onEvent(ProgressEvent e) {
        if (!throttle.reports(e)) return;
        err.println(TIME.format(e.at()) + " " + line(deduplicated(e, firstFailed)));
    }

    /** The event, or for a failure already reported with the same message, one that names the step that had it first. */
    static ProgressEvent deduplicated(ProgressEvent e, Map<String, String> firstFailed) {
        if (e.kind() != ProgressEvent.Kind.FAILED) return e;
        String first = firstFailed.putIfAbsent(e.message(), e.address());
        if (first == null || first.equals(e.address())) return e;
        return new ProgressEvent(e.at(), e.kind(), e.address(), e.type(), e.action(), "the same error as " + first, e.elapsed());
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

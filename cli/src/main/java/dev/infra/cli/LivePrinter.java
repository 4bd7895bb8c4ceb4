package dev.infra.cli;

import dev.infra.core.exec.ProgressEvent;
import dev.infra.core.exec.ProgressListener;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress on a terminal: finished steps scroll by, and a status line at the bottom shows what is in flight with
 * elapsed times (redrawn on every event and by a ticker while waits last).
 */
public final class LivePrinter implements ProgressListener, AutoCloseable {
    private final PrintStream err;
    private final Map<String, String> firstFailed = new java.util.HashMap<>();
    private final Map<String, Instant> inFlight = new TreeMap<>();
    private final Map<String, String> waitingOn = new TreeMap<>();
    private final Thread ticker;
    private int done;

    public LivePrinter(PrintStream err) {
        this.err = err;
        this.ticker = new Thread(this::tick, "infra-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public synchronized void onEvent(ProgressEvent e) {
        switch (e.kind()) {
            case STARTED -> inFlight.put(e.address(), e.at());
            case WAITING -> waitingOn.put(e.address(), e.message());
            case DONE, FAILED -> {
                inFlight.remove(e.address());
                waitingOn.remove(e.address());
                done++;
                err.print("\r\u001b[K");
                err.println((e.kind() == ProgressEvent.Kind.DONE ? "  ✓ " : "  ✗ ") + LinePrinter.line(LinePrinter.deduplicated(e, firstFailed)));
            }
        }
        redraw();
    }

    private synchronized void redraw() {
        if (inFlight.isEmpty()) {
            err.print("\r\u001b[K");
            err.flush();
            return;
        }
        StringBuilder sb = new StringBuilder("\r\u001b[K  ").append(done).append(" done, ").append(inFlight.size()).append(" in flight: ");
        Instant now = Instant.now();
        inFlight.forEach((a, since) -> sb.append(a).append(waitingOn.containsKey(a) ? " (" + waitingOn.get(a) + ")" : "")
                .append(' ').append(Duration.between(since, now).toSeconds()).append("s  "));
        String line = sb.toString();
        err.print(line.length() > 200 ? line.substring(0, 197) + "..." : line);
        err.flush();
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(1000);
                redraw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
        synchronized (this) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}

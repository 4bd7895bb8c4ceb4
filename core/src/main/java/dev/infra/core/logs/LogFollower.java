package dev.infra.core.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code logs --follow}: polls until told to stop. CloudWatch makes an event visible some seconds after its time,
 * so a poll that started from the newest time seen would miss late ones: each poll reads again from a while before
 * it ({@link #LATE}) and hands on only events not handed on before (by id), in time order within each poll.
 */
public final class LogFollower {
    public static final Duration POLL = Duration.ofSeconds(2);
    /** How late an event may become visible and still be shown. */
    public static final Duration LATE = Duration.ofMinutes(2);
    private final LogReader reader;
    private final Map<String, Instant> seen = new HashMap<>();

    public LogFollower(LogReader reader) {
        this.reader = reader;
    }

    /** Hands every event from {@code from} on to {@code out} once, polling until {@code keepGoing} says no or the thread is interrupted. */
    public void follow(String group, String prefix, Instant from, String filter, BooleanSupplier keepGoing, Consumer<LogLine> out) {
        Instant next = from;
        while (true) {
            Instant newest = next;
            for (LogLine l : reader.read(group, prefix, next.minus(LATE).isBefore(from) ? from : next.minus(LATE), filter)) {
                if (seen.putIfAbsent(l.id(), l.time()) == null) out.accept(l);
                if (l.time().isAfter(newest)) newest = l.time();
            }
            next = newest;
            Instant forget = next.minus(LATE).minus(LATE);
            seen.values().removeIf(t -> t.isBefore(forget));
            if (!keepGoing.getAsBoolean()) return;
            try {
                reader.clock().sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!keepGoing.getAsBoolean()) return;
        }
    }
}

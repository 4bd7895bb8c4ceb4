package dev.infra.cli;

import dev.infra.core.exec.ProgressEvent;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Which progress events are worth a line: all but a step's repeated wait on the same thing, which is reported when
 * it starts and then every {@value #REPEAT_SECONDS} s, not on every poll. Not thread-safe: its owner synchronises.
 */
public final class WaitThrottle {
    static final int REPEAT_SECONDS = 30;
    private final Map<String, ProgressEvent> lastWait = new HashMap<>();

    public boolean reports(ProgressEvent e) {
        if (e.kind() != ProgressEvent.Kind.WAITING) {
            lastWait.remove(key(e));
            return true;
        }
        ProgressEvent last = lastWait.get(key(e));
        boolean repeat = last != null && last.message().equals(e.message())
                && Duration.between(last.at(), e.at()).toSeconds() < REPEAT_SECONDS;
        if (!repeat) lastWait.put(key(e), e);
        return !repeat;
    }

    /** The step: a replacement's delete and create of one address are two steps. */
    private static String key(ProgressEvent e) {
        return e.action() + " " + e.address();
    }
}

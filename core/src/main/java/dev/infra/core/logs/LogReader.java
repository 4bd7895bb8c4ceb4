package dev.infra.core.logs;

import dev.infra.core.provider.WallClock;

import java.time.Instant;
import java.util.List;

/** Reads a log group's events. */
public interface LogReader {
    /**
     * Every event of the group's streams that start with {@code streamPrefix}, at or after {@code from}, that match
     * {@code filter} (a literal text, or empty for all): every page, sorted by time, then stream.
     */
    List<LogLine> read(String group, String streamPrefix, Instant from, String filter);

    /** The time the logs' service keeps, and how to wait between polls (virtual in tests). */
    WallClock clock();
}

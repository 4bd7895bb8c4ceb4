package dev.infra.cli.stage;

import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.parse.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Ages as users write them ({@code 10m}, {@code 7d}, {@code 1d12h}) and as the CLI prints them. */
public final class Ages {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private Ages() { }

    /** @throws InvalidInputException naming {@code option} when the text is not a duration */
    public static Duration parse(String option, String text) {
        return Durations.parseWithWeeks(text).orElseThrow(() -> new InvalidInputException(option + ": '" + text
                + "' is not a duration; write e.g. 30s, 10m, 12h, 7d or 2w"));
    }

    /** {@code 2026-11-29 09:30Z (3d ago)}. */
    public static String when(Instant at, Instant now) {
        return MINUTE.format(at) + " (" + ago(Duration.between(at, now)) + ")";
    }

    public static String ago(Duration d) {
        return d.isNegative() ? "in the future" : span(d) + " ago";
    }

    /** The largest whole unit: {@code 7d}, {@code 3h}, {@code 10m}, {@code 5s}. */
    public static String span(Duration d) {
        if (d.toDays() > 0) return d.toDays() + "d";
        if (d.toHours() > 0) return d.toHours() + "h";
        if (d.toMinutes() > 0) return d.toMinutes() + "m";
        return d.toSeconds() + "s";
    }
}

package dev.infra.core.parse;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in infra.yaml: {@code 30s}, {@code 20m}, {@code 1h30m}, {@code 2d}. */
final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(\\d+[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private Durations() { }

    static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) return Optional.empty();
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return Optional.of(d);
    }
}

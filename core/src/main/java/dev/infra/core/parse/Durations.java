package dev.infra.core.parse;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them: {@code 30s}, {@code 20m}, {@code 1h30m}, {@code 2d}; in infra.yaml with the units
 * s, m, h and d ({@link #parse(String)}), on the command line also w for weeks ({@link #parseWithWeeks}).
 */
public final class Durations {
    private static final Pattern YAML = Pattern.compile("(\\d+[smhd])+");
    private static final Pattern CLI = Pattern.compile("(\\d+[smhdw])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhdw])");

    private Durations() { }

    public static Optional<Duration> parse(String text) {
        return parse(text, YAML);
    }

    public static Optional<Duration> parseWithWeeks(String text) {
        return parse(text, CLI);
    }

    private static Optional<Duration> parse(String text, Pattern whole) {
        if (text == null || !whole.matcher(text).matches()) return Optional.empty();
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
        }
        return Optional.of(d);
    }
}

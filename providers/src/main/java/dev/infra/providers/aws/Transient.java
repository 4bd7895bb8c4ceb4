package dev.infra.providers.aws;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A refusal AWS gives while a change settles, worth waiting out: its error code (and, where the code alone is too
 * broad, a fragment of the message), what it means for the user ({@code "WAF cannot see %s yet"}, filled with the
 * subject) and how long it is worth waiting. The budgets are those of the reference sheet: short for IAM propagation,
 * so that a real misconfiguration still fails fast; longer where AWS is known to take minutes.
 *
 * @param reason    what is awaited, a format with one {@code %s} for the subject
 * @param why       why AWS refuses, shown in brackets: "AWS propagation", "busy"
 * @param budget    how long to keep trying before the last attempt
 * @param code      the AWS error code, or a pattern of codes ({@code Invalid\\w+ID\\.NotFound})
 * @param fragments message fragments of which one must appear (any message when empty); matched case-insensitively
 */
public record Transient(String reason, String why, Duration budget, String code, List<String> fragments) {
    public static final Duration IAM_PROPAGATION = Duration.ofMinutes(2);

    public Transient {
        fragments = List.copyOf(fragments);
    }

    public static Transient propagation(String reason, Duration budget, String code, String... fragments) {
        return new Transient(reason, "AWS propagation", budget, code, List.of(fragments));
    }

    public static Transient busy(String reason, Duration budget, String code, String... fragments) {
        return new Transient(reason, "busy", budget, code, List.of(fragments));
    }

    public boolean matches(Throwable e) {
        if (!AwsErrors.code(e).matches(code)) return false;
        String m = AwsErrors.message(e).toLowerCase(Locale.ROOT);
        return fragments.isEmpty() || fragments.stream().anyMatch(f -> m.contains(f.toLowerCase(Locale.ROOT)));
    }

    /** "WAF cannot see load balancer carbon-dev-api yet (AWS propagation)". */
    public String describe(String subject) {
        return String.format(reason, subject) + " (" + why + ")";
    }
}

package dev.infra.core.parse;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code .dockerignore} pattern with the semantics of Docker's own matcher (moby/patternmatcher): {@code *} and
 * {@code ?} stay within a path segment, {@code **} spans any number of segments, {@code [...]} classes, {@code \}
 * escapes the next character; {@code dir/**} is a prefix match, {@code **}{@code /name} a suffix match. Paths are
 * slash-separated and relative to the build context.
 */
public final class IgnorePattern {
    private enum Kind { EXACT, PREFIX, SUFFIX, REGEXP }

    private final String cleaned;
    private final boolean exception;
    private final Kind kind;
    private final Pattern regexp;

    private IgnorePattern(String cleaned, boolean exception, Kind kind, Pattern regexp) {
        this.cleaned = cleaned;
        this.exception = exception;
        this.kind = kind;
        this.regexp = regexp;
    }

    /**
     * A pattern as Docker reads it: trimmed, cleaned like a path, a leading {@code !} making it an exception.
     *
     * @throws IllegalArgumentException for a lone {@code !} or a malformed pattern ({@code [}, {@code [a-b-c]}, ...)
     */
    public static IgnorePattern of(String raw) {
        String p = CleanPath.of(raw.trim());
        boolean exception = p.startsWith("!");
        if (exception) {
            if (p.length() == 1) throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
            p = p.substring(1);
        }
        GoGlobSyntax.check(p);
        return compile(p, exception);
    }

    /** Whether the pattern is an exception ({@code !pattern}): it re-includes what earlier patterns left out. */
    public boolean exception() {
        return exception;
    }

    /** The cleaned pattern, without its {@code !}. */
    public String text() {
        return cleaned;
    }

    /** How the pattern is matched and, for a regular expression, which one: {@code REGEXP ^a[^/]*$}. */
    String compiled() {
        return kind + (regexp == null ? "" : " " + regexp.pattern());
    }

    /** Whether {@code path} (slash-separated, cleaned) itself matches; parents are the caller's business. */
    public boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> suffixMatches(path, cleaned.substring(2));
            case REGEXP -> regexp.matcher(path).matches();
        };
    }

    private static boolean suffixMatches(String path, String suffix) {
        if (path.endsWith(suffix)) return true;
        return suffix.startsWith("/") && path.equals(suffix.substring(1)); // "**/foo" matches "foo"
    }

    private static IgnorePattern compile(String p, boolean exception) {
        StringBuilder re = new StringBuilder("^");
        Kind kind = Kind.EXACT;
        int at = 0;
        for (int step = 0; at < p.length(); step++) {
            char ch = p.charAt(at++);
            if (ch == '*' && at < p.length() && p.charAt(at) == '*') {
                at++;
                if (at < p.length() && p.charAt(at) == '/') at++; // "**/" is read as "**"
                if (at == p.length()) {
                    if (kind == Kind.EXACT) kind = Kind.PREFIX;
                    else {
                        re.append(".*");
                        kind = Kind.REGEXP;
                    }
                } else {
                    re.append("(.*/)?");
                    kind = Kind.REGEXP;
                }
                if (step == 0) kind = Kind.SUFFIX;
            } else if (ch == '*') {
                re.append("[^/]*");
                kind = Kind.REGEXP;
            } else if (ch == '?') {
                re.append("[^/]");
                kind = Kind.REGEXP;
            } else if (ch == '\\') {
                if (at < p.length()) {
                    re.append(literal(p.charAt(at++)));
                    kind = Kind.REGEXP;
                } else re.append("\\\\");
            } else if (ch == '[' || ch == ']' || ch == '^' || ch == '-') {
                re.append(ch); // character classes pass through to the regular expression
                if (ch == '[' || ch == ']') kind = Kind.REGEXP;
            } else re.append(literal(ch));
        }
        return new IgnorePattern(p, exception, kind, kind == Kind.REGEXP ? regexp(p, re.append('$').toString()) : null);
    }

    private static Pattern regexp(String pattern, String re) {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) { // a class Go's syntax check lets through, e.g. a reversed range [z-a]
            throw new IllegalArgumentException("syntax error in pattern " + pattern);
        }
    }

    /** A character matched as itself: letters and digits as they are, anything else escaped. */
    private static String literal(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '/' || ch > 127 ? String.valueOf(ch) : "\\" + ch;
    }
}

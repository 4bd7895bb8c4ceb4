package dev.infra.core.parse;

/**
 * The syntax check Docker applies to each {@code .dockerignore} pattern (that of Go's {@code filepath.Match} on
 * Linux): a {@code \} must escape something, a {@code [} class must close, hold at least one character or range,
 * and never start a range or end one with {@code -} or {@code ]} unescaped.
 */
final class GoGlobSyntax {
    private GoGlobSyntax() { }

    static void check(String p) {
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) throw bad(p);
                i += 2;
            } else if (c == '[') i = classEnd(p, i + 1);
            else i++;
        }
    }

    /** The index after the class that starts at {@code i} (just after its {@code [}). */
    private static int classEnd(String p, int i) {
        if (i < p.length() && p.charAt(i) == '^') i++;
        int ranges = 0;
        while (true) {
            if (i < p.length() && p.charAt(i) == ']' && ranges > 0) return i + 1;
            i = escaped(p, i);
            if (p.charAt(i) == '-') i = escaped(p, i + 1);
            ranges++;
        }
    }

    /** Reads one possibly escaped character at {@code i}; something must follow it. */
    private static int escaped(String p, int i) {
        if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') throw bad(p);
        if (p.charAt(i) == '\\' && ++i >= p.length()) throw bad(p);
        i += Character.charCount(p.codePointAt(i));
        if (i >= p.length()) throw bad(p);
        return i;
    }

    private static IllegalArgumentException bad(String p) {
        return new IllegalArgumentException("syntax error in pattern " + p);
    }
}

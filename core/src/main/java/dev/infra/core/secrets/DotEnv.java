package dev.infra.core.secrets;

import dev.infra.core.diag.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses .env files: {@code NAME=value} lines, blank lines and {@code #} comments, an optional {@code export }
 * prefix, unquoted values (trailing {@code # comment} dropped), single quotes (literal), double quotes with
 * {@code \n \t \r \" \\} escapes; quoted values may span lines. Errors name the file and line, never a value.
 */
public final class DotEnv {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DotEnv() { }

    public static Map<String, SecretValue> parse(String text, String file) {
        Map<String, SecretValue> out = new LinkedHashMap<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int eol = text.indexOf('\n', i);
            if (eol < 0) eol = n;
            String raw = text.substring(i, eol).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                i = eol + 1;
                line++;
                continue;
            }
            if (raw.startsWith("export ")) raw = raw.substring(7).strip();
            int eq = raw.indexOf('=');
            if (eq <= 0) throw error(file, line, "expected NAME=value");
            String name = raw.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) throw error(file, line, "'" + name + "' is not a valid variable name");
            int valueStart = text.indexOf('=', i) + 1;
            while (valueStart < n && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) valueStart++;
            char q = valueStart < n ? text.charAt(valueStart) : '\n';
            if (q == '"' || q == '\'') {
                int[] end = new int[1];
                String value = quoted(text, valueStart, q, end, file, line);
                for (int k = valueStart; k < end[0]; k++) if (text.charAt(k) == '\n') line++;
                int after = text.indexOf('\n', end[0]);
                String rest = text.substring(end[0], after < 0 ? n : after).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) throw error(file, line, "unexpected text after the closing quote");
                out.put(name, new SecretValue(value));
                i = after < 0 ? n : after + 1;
            } else {
                String value = text.substring(valueStart, eol);
                int hash = value.indexOf(" #");
                if (hash >= 0) value = value.substring(0, hash);
                out.put(name, new SecretValue(value.strip()));
                i = eol + 1;
            }
            line++;
        }
        return out;
    }

    private static String quoted(String text, int start, char q, int[] end, String file, int line) {
        StringBuilder sb = new StringBuilder();
        for (int k = start + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == q) {
                end[0] = k + 1;
                return sb.toString();
            }
            if (c == '\\' && q == '"' && k + 1 < text.length()) {
                char e = text.charAt(++k);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        throw error(file, line, "the quoted value is never closed");
    }

    private static InvalidInputException error(String file, int line, String what) {
        return new InvalidInputException(file + ":" + line + ": " + what + " (values are not shown)");
    }
}

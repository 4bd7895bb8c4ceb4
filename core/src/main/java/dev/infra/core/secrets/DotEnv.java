package dev.infra.core.secrets;

import dev.infra.core.diag.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses .env files as dotenv and docker compose read them: {@code NAME=value} lines, blank lines and {@code #}
 * comments, an optional {@code export } prefix, spaces around {@code =}; unquoted values (trimmed, a {@code " #"}
 * starts a comment); single quotes (literal); double quotes with {@code \n \t \r \" \\ \$} escapes; quoted values
 * may span lines; CRLF line ends; a later NAME wins. No {@code ${VAR}} expansion: values are taken literally. Every
 * bad line is reported with its number and nothing is returned when any line is bad; no message shows a value.
 */
public final class DotEnv {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern EXPORT = Pattern.compile("^export[ \\t]+");
    private final String text;
    private final String file;
    private final Map<String, SecretValue> values = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int pos;
    private int line = 1;

    private DotEnv(String text, String file) {
        this.text = text.replace("\r\n", "\n");
        this.file = file;
    }

    /** The file's values in order, or an {@link InvalidInputException} listing every bad line (values never shown). */
    public static Map<String, SecretValue> parse(String text, String file) {
        DotEnv p = new DotEnv(text, file);
        p.run();
        if (!p.errors.isEmpty()) throw new InvalidInputException(file + ": " + p.errors.size() + " bad line"
                + (p.errors.size() == 1 ? "" : "s") + ", nothing was set (values are not shown):\n  " + String.join("\n  ", p.errors));
        return p.values;
    }

    private void run() {
        while (pos < text.length()) {
            int start = line;
            String raw = restOfLine().strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                nextLine();
                continue;
            }
            String entry = EXPORT.matcher(raw).replaceFirst("");
            int eq = entry.indexOf('=');
            if (eq <= 0) error(start, "expected NAME=value");
            else if (!NAME.matcher(entry.substring(0, eq).strip()).matches())
                error(start, "the name before '=' must be letters, digits and _, not starting with a digit");
            else {
                pos = text.indexOf('=', pos) + 1;
                value(entry.substring(0, eq).strip(), start);
                continue;
            }
            nextLine();
        }
    }

    private void value(String name, int start) {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
        char q = pos < text.length() ? text.charAt(pos) : '\n';
        if (q != '"' && q != '\'') {
            String v = restOfLine();
            int hash = v.indexOf(" #");
            values.put(name, new SecretValue((hash >= 0 ? v.substring(0, hash) : v).strip()));
            nextLine();
            return;
        }
        String v = quoted(q);
        if (v == null) {
            error(start, "the " + (q == '"' ? "double" : "single") + " quote opened here is never closed");
            return;
        }
        String rest = restOfLine().strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) error(line, "unexpected text after the closing quote");
        else values.put(name, new SecretValue(v));
        nextLine();
    }

    /** The quoted value from the opening quote at {@code pos}, leaving {@code pos} after the closing one; null if unclosed. */
    private String quoted(char q) {
        StringBuilder sb = new StringBuilder();
        for (int k = pos + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == q) {
                pos = k + 1;
                return sb.toString();
            }
            if (c == '\n') line++;
            if (c == '\\' && q == '"' && k + 1 < text.length()) {
                char e = text.charAt(++k);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '"', '\\', '$' -> sb.append(e);
                    default -> sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos = text.length();
        return null;
    }

    private String restOfLine() {
        int eol = text.indexOf('\n', pos);
        return text.substring(pos, eol < 0 ? text.length() : eol);
    }

    private void nextLine() {
        int eol = text.indexOf('\n', pos);
        pos = eol < 0 ? text.length() : eol + 1;
        line++;
    }

    private void error(int at, String what) {
        errors.add(file + ":" + at + ": " + what);
    }
}

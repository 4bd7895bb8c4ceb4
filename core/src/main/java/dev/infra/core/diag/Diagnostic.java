package dev.infra.core.diag;

/**
 * One problem found in user input.
 *
 * @param path    the YAML path, e.g. {@code resources.erp.cpu}
 * @param pos     where in the file
 * @param summary what is wrong, one sentence
 * @param hint    what to do (may be empty)
 */
public record Diagnostic(Severity severity, String path, Pos pos, String summary, String hint) {

    public static Diagnostic error(String path, Pos pos, String summary, String hint) {
        return new Diagnostic(Severity.ERROR, path, pos, summary, hint == null ? "" : hint);
    }

    /** One line: {@code file:line:col: error: summary at path (hint)}. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (pos != null && !pos.file().isEmpty()) sb.append(pos).append(": ");
        sb.append(severity == Severity.ERROR ? "error: " : "warning: ").append(summary);
        if (path != null && !path.isEmpty()) sb.append(" [").append(path).append(']');
        if (hint != null && !hint.isEmpty()) sb.append(" (").append(hint).append(')');
        return sb.toString();
    }
}

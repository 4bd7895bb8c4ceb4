package dev.infra.core.diag;

/** A place in a source file: 1-based line and column. {@link #UNKNOWN} when there is none. */
public record Pos(String file, int line, int col) {
    public static final Pos UNKNOWN = new Pos("", 0, 0);

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        return known() ? file + ":" + line + ":" + col : file;
    }
}

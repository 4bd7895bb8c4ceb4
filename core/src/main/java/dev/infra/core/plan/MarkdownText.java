package dev.infra.core.plan;

/** Escaping and cutting for the markdown form of a plan: values in code spans, names in HTML, long texts cut. */
final class MarkdownText {
    /** Cell texts longer than this are cut, with their length noted. */
    static final int CUT = 200;
    private static final int CONTEXT = 40;

    private MarkdownText() { }

    /** A code span that survives a table cell: pipes escaped, backticks fenced by a longer run. */
    static String code(String text) {
        String t = text.replace("|", "\\|");
        if (!t.contains("`")) return "`" + t + "`";
        return "`` " + t + " ``";
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The value as a cell: its one-line text in a code span, cut when long. */
    static String cell(Object value) {
        return cut(ValueText.of(value), 0);
    }

    /**
     * Before and after cells of a changed value; when both are long, both start a little before their first
     * difference, so the cut shows what changed.
     */
    static String[] cells(Object before, Object after) {
        String b = ValueText.of(before);
        String a = ValueText.of(after);
        int from = 0;
        if (b.length() > CUT && a.length() > CUT) {
            int i = 0;
            while (i < b.length() && i < a.length() && b.charAt(i) == a.charAt(i)) i++;
            from = Math.max(0, i - CONTEXT);
        }
        return new String[] {cut(b, from), cut(a, from)};
    }

    private static String cut(String text, int from) {
        if (text.length() <= CUT && from == 0) return code(text);
        int to = Math.min(text.length(), from + CUT);
        String part = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
        return code(part) + " (" + text.length() + " characters)";
    }
}

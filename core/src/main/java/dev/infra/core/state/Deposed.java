package dev.infra.core.state;

/**
 * The address under which state keeps the old resource of a create-first replacement while the new one takes its
 * place: {@code ADDRESS#old-TOKEN}. It is deleted once every reader has moved to the new resource; if a run stops
 * before that, the next plan deletes it like any resource no longer wanted.
 */
public final class Deposed {
    private static final String MARK = "#old-";

    private Deposed() { }

    /** The deposed address of {@code address} for the replacement started with {@code token}. */
    public static String address(String address, String token) {
        String t = token.replace("-", "");
        return address + MARK + t.substring(0, Math.min(8, t.length()));
    }

    public static boolean is(String address) {
        return address.contains(MARK);
    }

    /** The address a deposed resource was replaced at; any other address unchanged. */
    public static String base(String address) {
        int i = address.indexOf(MARK);
        return i < 0 ? address : address.substring(0, i);
    }
}

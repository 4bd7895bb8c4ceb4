package dev.infra.core.parse;

import java.util.Collection;

/** "did you mean" by edit distance. */
final class Suggest {
    private Suggest() { }

    /** A hint naming the closest candidate within distance 3, else listing the candidates. */
    static String hint(String wrong, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : new java.util.TreeSet<>(candidates)) {
            int d = distance(wrong.toLowerCase(), c.toLowerCase());
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best != null && bestD <= Math.min(3, Math.max(2, wrong.length() / 3))) return "did you mean '" + best + "'?";
        return "expected one of: " + String.join(", ", new java.util.TreeSet<>(candidates));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

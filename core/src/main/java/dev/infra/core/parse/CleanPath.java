package dev.infra.core.parse;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A slash-separated path cleaned lexically, as Go's {@code filepath.Clean} does on Linux (Docker cleans every
 * {@code .dockerignore} pattern so): repeated slashes collapse, {@code .} segments go, {@code ..} removes the segment
 * before it (never above the root), no trailing slash; an empty result is {@code "."}.
 */
final class CleanPath {
    private CleanPath() { }

    static String of(String path) {
        if (path.isEmpty()) return ".";
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
                else if (!rooted) parts.addLast("..");
            } else parts.addLast(seg);
        }
        String joined = String.join("/", parts);
        if (rooted) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }
}

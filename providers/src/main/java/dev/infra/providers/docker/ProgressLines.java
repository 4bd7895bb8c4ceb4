package dev.infra.providers.docker;

import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which engine output is worth a progress line: a build's steps ({@code Step 2/3 : COPY . /app}); a push's layer
 * states (preparing, pushed, already exists) with its byte progress in quarters, each layer's line only when it
 * changes, and the pushed digest.
 */
final class ProgressLines {
    private static final int MAX = 120;

    private ProgressLines() { }

    static Optional<String> build(BuildResponseItem item) {
        if (item.getStream() == null) return Optional.empty();
        return item.getStream().lines().map(String::strip).filter(l -> l.startsWith("Step ")).reduce((a, b) -> b).map(ProgressLines::cut);
    }

    /** A push's progress reader: stateful, one per push. */
    static Function<PushResponseItem, Optional<String>> push() {
        Map<String, String> lastByLayer = new HashMap<>();
        return item -> {
            if (item.getStatus() == null) return Optional.empty();
            String line = item.getId() == null ? item.getStatus() : "layer " + item.getId() + " " + state(item);
            String key = item.getId() == null ? "" : item.getId();
            synchronized (lastByLayer) {
                if (line.equals(lastByLayer.put(key, line))) return Optional.empty();
            }
            return Optional.of(cut(line));
        };
    }

    private static String state(PushResponseItem item) {
        String status = item.getStatus().toLowerCase();
        var detail = item.getProgressDetail();
        if (!status.equals("pushing") || detail == null || detail.getTotal() == null || detail.getTotal() <= 0 || detail.getCurrent() == null)
            return status;
        long quarter = Math.min(4, detail.getCurrent() * 4 / detail.getTotal());
        return "pushing " + quarter * 25 + "% of " + mebibytes(detail.getTotal());
    }

    private static String mebibytes(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    private static String cut(String line) {
        return line.length() > MAX ? line.substring(0, MAX - 3) + "..." : line;
    }
}

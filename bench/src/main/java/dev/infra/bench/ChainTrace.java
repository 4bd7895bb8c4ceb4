package dev.infra.bench;

import dev.infra.core.exec.ProgressEvent;
import dev.infra.core.exec.ProgressListener;
import dev.infra.core.graph.ResourceGraph;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Where a deploy's wall time went beyond the provider latency, along the chain that finished it: walking back from
 * the last step to finish, through the dependency that finished last before each step, it splits the wall time into
 * the chain's provider latency, the time each step waited to start after its dependencies were done, the time each
 * step took beyond its provider latency (its pending record's write, state updates), and what came before the
 * first and after the last step.
 */
final class ChainTrace implements ProgressListener {
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    private volatile long origin = System.nanoTime();

    /** Times count from now. */
    void start() {
        origin = System.nanoTime();
    }

    @Override
    public void onEvent(ProgressEvent e) {
        long now = (System.nanoTime() - origin) / 1_000_000;
        if (e.kind() == ProgressEvent.Kind.STARTED) started.put(e.address(), now);
        else if (e.kind() == ProgressEvent.Kind.DONE) ended.put(e.address(), now);
    }

    /** Step time as measured, in ms, by address. */
    Map<String, Long> measured() {
        Map<String, Long> m = new ConcurrentHashMap<>();
        ended.forEach((a, end) -> m.put(a, end - started.getOrDefault(a, end)));
        return m;
    }

    /** One line: the chain's length and its split; {@code wall} counts from this trace's creation. */
    String split(ResourceGraph graph, ToLongFunction<String> latency, long wall) {
        String last = null;
        for (var e : ended.entrySet()) if (last == null || e.getValue() > ended.get(last)) last = e.getKey();
        if (last == null) return "  chain: no step finished";
        long tail = wall - ended.get(last);
        long lat = 0;
        long waits = 0;
        long over = 0;
        int steps = 0;
        String at = last;
        StringBuilder each = new StringBuilder();
        while (at != null) {
            steps++;
            long took = ended.get(at) - started.get(at);
            lat += latency.applyAsLong(at);
            over += took - latency.applyAsLong(at);
            String prev = null;
            for (String d : graph.dependenciesOf(at)) if (ended.containsKey(d) && (prev == null || ended.get(d) > ended.get(prev))) prev = d;
            waits += started.get(at) - (prev == null ? 0 : ended.get(prev));
            each.insert(0, String.format("%n    %s: latency %d, waited to start %d, took %d", at, latency.applyAsLong(at),
                    started.get(at) - (prev == null ? 0 : ended.get(prev)), took));
            at = prev;
        }
        return String.format("  chain that finished last: %d steps, provider latency %,d ms; waits to start %,d ms (first included);"
                + " in steps beyond latency %,d ms; after the last step %,d ms%s", steps, lat, waits, over, tail,
                Boolean.getBoolean("bench.chain") ? each : "");
    }
}

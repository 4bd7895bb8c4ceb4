package dev.infra.cli.apply;

import dev.infra.cli.view.Json;
import dev.infra.cli.WaitThrottle;
import dev.infra.core.exec.ProgressEvent;
import dev.infra.core.exec.ProgressListener;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanRenderer;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code deploy --json} and {@code remove --json}: one JSON object per line on stdout, so CI and scripts can follow
 * a run: {@code plan} first (counts by action, once the run is confirmed), then {@code started}, {@code waiting}, {@code done} and {@code failed} for each step
 * (waits throttled as in the human progress), and {@code summary} last. Every object has {@code event}; step events
 * have {@code at}, {@code address}, {@code type} and {@code action} (a replacement's delete half is {@code delete}).
 * Without {@code --json} it writes nothing.
 */
public final class JsonEvents implements ProgressListener {
    private final PrintStream out;
    private final WaitThrottle throttle = new WaitThrottle();

    private JsonEvents(PrintStream out) {
        this.out = out;
    }

    /** Events on {@code out} when {@code on}, else none. */
    public static JsonEvents of(boolean on, PrintStream out) {
        return new JsonEvents(on ? out : null);
    }

    public boolean on() {
        return out != null;
    }

    @Override
    public synchronized void onEvent(ProgressEvent e) {
        if (!on() || !throttle.reports(e)) return;
        Map<String, Object> m = event(e.kind().name().toLowerCase());
        m.put("at", e.at().toString());
        m.put("address", e.address());
        m.put("type", e.type());
        m.put("action", e.action().name().toLowerCase());
        if (e.kind() != ProgressEvent.Kind.STARTED) m.put("elapsedMs", e.elapsed().toMillis());
        if (!e.message().isEmpty()) m.put("message", e.message());
        write(m);
    }

    public void plan(Plan p) {
        Map<String, Object> m = event("plan");
        m.put("app", p.app());
        m.put("stage", p.stage());
        m.put("region", p.region());
        Map<String, Integer> counts = new LinkedHashMap<>();
        PlanRenderer.counts(p).forEach((a, n) -> counts.put(a.name().toLowerCase(), n));
        m.put("counts", counts);
        write(m);
    }

    public void summary(Map<String, Object> fields) {
        Map<String, Object> m = event("summary");
        m.putAll(fields);
        write(m);
    }

    private static Map<String, Object> event(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", name);
        return m;
    }

    private synchronized void write(Map<String, Object> m) {
        if (!on()) return;
        out.println(Json.line(m));
        out.flush();
    }
}

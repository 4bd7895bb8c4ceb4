package dev.infra.cli.view;

import dev.infra.core.status.DatabaseStatus;
import dev.infra.core.status.LiveStatus;
import dev.infra.core.status.ServiceStatus;

import java.io.PrintStream;
import java.util.Map;

/** {@code infra status} for people: a block per service and database, the URLs, and a last line CI logs can show. */
public final class StatusText {
    private final PrintStream out;

    public StatusText(PrintStream out) {
        this.out = out;
    }

    public void print(String app, String stage, Map<String, LiveStatus> live, Map<String, Object> urls) {
        out.println("Stage " + stage + " of " + app + ":");
        for (LiveStatus s : live.values()) {
            out.println();
            if (s instanceof ServiceStatus svc) service(svc);
            else if (s instanceof DatabaseStatus db) database(db);
            s.problems().forEach(p -> out.println("  ! " + p));
        }
        if (!urls.isEmpty()) {
            out.println();
            out.println("URLs:");
            urls.forEach((k, v) -> out.println("  " + k + " = " + v));
        }
        if (live.isEmpty()) return;
        long bad = live.values().stream().filter(s -> !s.healthy()).count();
        out.println();
        out.println(bad == 0 ? "All steady and healthy." : bad + " of " + live.size() + " not steady or healthy: " + String.join(", ",
                live.values().stream().filter(s -> !s.healthy()).map(LiveStatus::address).toList()) + ".");
    }

    private void service(ServiceStatus s) {
        out.println("service " + component(s.address()) + " (" + s.name() + "): " + (s.healthy() ? "steady and healthy" : "NOT steady or healthy"));
        out.println("  tasks: " + s.desired() + " desired, " + s.running() + " running, " + s.pending() + " pending");
        if (s.rollout() != null) out.println("  rollout: " + s.rollout().kind() + " " + s.rollout().state() + ", " + s.rollout().progress());
        out.println("  revision: " + s.taskDefinition() + "  image: " + String.join(", ", s.images()));
        if (!s.targets().isEmpty()) {
            long healthy = s.targets().stream().filter(ServiceStatus.Target::healthy).count();
            out.println("  targets: " + healthy + " healthy, " + (s.targets().size() - healthy) + " not healthy");
            s.targets().stream().filter(t -> !t.healthy()).forEach(t -> out.println("    " + t.id() + ":" + t.port() + " " + t.state()
                    + (t.reason().isEmpty() ? "" : " " + t.reason()) + (t.description().isEmpty() ? "" : ": " + t.description())));
        }
        if (!s.stopped().isEmpty()) out.println("  stopped tasks: " + String.join(" | ", s.stopped()));
        if (!s.events().isEmpty()) out.println("  events:");
        s.events().forEach(e -> out.println("    " + e));
    }

    private void database(DatabaseStatus d) {
        out.println("database " + component(d.address()) + " (" + d.cluster() + "): " + d.status());
        out.println("  writer: " + (d.writer().isEmpty() ? "none" : d.writer()) + "  readers: " + (d.readers().isEmpty() ? "none" : String.join(", ", d.readers())));
        out.println("  paused: " + (d.paused() == null ? "unknown (it may pause at 0 ACU, and CloudWatch has no recent capacity datapoint)" : d.paused() ? "yes" : "no"));
    }

    private static String component(String address) {
        return address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
    }
}

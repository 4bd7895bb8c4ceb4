package dev.infra.cli.apply;

import dev.infra.cli.AppContext;
import dev.infra.cli.LinePrinter;
import dev.infra.cli.LivePrinter;
import dev.infra.cli.LockedStage;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.exec.ApplyResult;
import dev.infra.core.exec.Executor;
import dev.infra.core.exec.ProgressListener;
import dev.infra.core.plan.Action;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Destructive;
import dev.infra.core.plan.Plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Confirmation, execution with progress and the closing summary; shared by deploy and remove. */
public final class Apply {
    private Apply() { }

    /** Asks before deleting or replacing stateful resources; refuses on a non-TTY without --yes. */
    public static void confirm(AppContext ctx, Plan plan, boolean yes, String verb) throws IOException {
        List<String> risky = plan.changes().stream()
                .filter(Destructive::losesData)
                .map(c -> c.address() + " (" + c.action().name().toLowerCase() + ")").toList();
        if (risky.isEmpty() || yes) return;
        String what = verb + " would delete data in " + String.join(", ", risky);
        if (!ctx.io().tty()) throw new InvalidInputException(what + "; rerun with --yes to allow it");
        ctx.io().err().print(what + ". Type 'yes' to go on: ");
        ctx.io().err().flush();
        String answer = new BufferedReader(new InputStreamReader(ctx.io().in())).readLine();
        if (!"yes".equals(answer == null ? "" : answer.trim())) throw new InvalidInputException("cancelled; nothing was changed");
    }

    /**
     * Runs the plan under the stage's lock with human progress on stderr and, under {@code --json}, the step events on
     * stdout; a lost lease (the heartbeat could not renew it) starts no further step.
     */
    public static ApplyResult execute(AppContext ctx, Plan plan, LockedStage locked, int parallelism, JsonEvents events) {
        boolean live = ctx.io().tty() && !ctx.options().json;
        ProgressListener human = live ? new LivePrinter(ctx.io().err()) : new LinePrinter(ctx.io().err());
        ProgressListener listener = events.on() ? e -> { human.onEvent(e); events.onEvent(e); } : human;
        try {
            return new Executor(ctx.providers(), ctx.stage(), parallelism, listener, ctx.clock()).apply(plan, locked.session(), locked::leaseLost);
        } finally {
            if (human instanceof LivePrinter p) p.close();
        }
    }

    /** The closing summary for people; returns the exit code. */
    public static int report(ApplyResult r, PrintStream human) {
        return report(r, human, false);
    }

    /** The closing summary; with {@code verbose}, each failed step's whole error and its causes follow its line. */
    public static int report(ApplyResult r, PrintStream human, boolean verbose) {
        StringBuilder done = new StringBuilder();
        for (Action a : Action.values()) {
            int n = r.done().getOrDefault(a, 0);
            if (n > 0 && a != Action.NOOP) done.append(done.length() == 0 ? "" : ", ").append(n).append(' ').append(past(a));
        }
        human.println((r.success() ? "Done: " : "Stopped: ") + (done.length() == 0 ? "nothing changed" : done) + ".");
        for (var f : r.failures()) {
            human.println("  failed: " + f.address() + " (" + f.action().name().toLowerCase() + "): " + f.message());
            if (verbose && f.cause() != null) f.cause().printStackTrace(human);
        }
        if (!r.untouched().isEmpty()) human.println("  left untouched: " + String.join(", ", r.untouched()));
        if (!r.success()) human.println("State is saved; fix the cause and run the command again to resume.");
        return r.success() ? 0 : 1;
    }

    /** The fields of the summary event: success, counts done by action, failures, untouched; null for no apply. */
    public static Map<String, Object> summary(ApplyResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", r == null || r.success());
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (r != null) new java.util.TreeMap<>(r.done()).forEach((a, n) -> counts.put(a.name().toLowerCase(), n));
        json.put("done", counts);
        json.put("failures", r == null ? List.of() : r.failures().stream().map(f -> Map.of("address", f.address(),
                "action", f.action().name().toLowerCase(), "message", f.message())).toList());
        json.put("untouched", r == null ? List.of() : r.untouched());
        return json;
    }

    private static String past(Action a) {
        return switch (a) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case REPLACE -> "replaced";
            case DELETE -> "deleted";
            case RETAIN -> "retained (left in AWS)";
            case NOOP -> "unchanged";
        };
    }

    public static List<Change> retained(Plan plan) {
        return plan.changes().stream().filter(c -> c.action() == Action.RETAIN).toList();
    }
}

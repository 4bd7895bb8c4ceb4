package dev.infra.cli.apply;

import dev.infra.cli.AppContext;
import dev.infra.core.exec.Refresher;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.plan.PlanRenderer;
import dev.infra.core.plan.Planner;
import dev.infra.core.plan.PropertyDiff;
import dev.infra.core.plan.ValueText;
import dev.infra.core.state.State;

import java.io.PrintStream;
import java.util.List;

/** Planning steps shared by diff, deploy and remove. */
public final class Plans {
    private Plans() { }

    public static Plan plan(AppContext ctx, State state, PlanOptions options) {
        return Planner.plan(ctx.desired(), state, options);
    }

    public static PlanOptions options(AppContext ctx, List<String> targets, boolean destroy, boolean finalSnapshot) {
        return new PlanOptions(java.util.Set.copyOf(targets), destroy, ctx.config().protect(), finalSnapshot);
    }

    public static PlanOptions options(AppContext ctx, List<String> targets, boolean destroy) {
        return new PlanOptions(java.util.Set.copyOf(targets), destroy, ctx.config().protect());
    }

    public static void print(AppContext ctx, Plan plan, PrintStream to) {
        to.print(new PlanRenderer(ctx.options().color(ctx.io())).render(plan));
    }

    /** Reads live state and prints drift; returns the refreshed state (the caller decides whether to save it). */
    public static State refresh(AppContext ctx, State state, PrintStream to) {
        return readLive(ctx, state, to).state();
    }

    public static Refresher.Result readLive(AppContext ctx, State state, PrintStream to) {
        Refresher.Result r = new Refresher(ctx.providers(), ctx.requests()).refresh(state);
        for (Refresher.Drift d : r.drift()) {
            if (d.deleted()) to.println("drift: " + d.address() + " was deleted outside infra");
            for (PropertyDiff p : d.diffs())
                to.println("drift: " + d.address() + " " + p.path() + ": " + ValueText.of(p.before()) + " -> " + ValueText.of(p.after()));
        }
        if (r.drift().isEmpty()) to.println("No drift: live resources match the recorded state.");
        return r;
    }
}

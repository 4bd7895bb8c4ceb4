package dev.infra.cli.stage;

import dev.infra.cli.apply.Apply;
import dev.infra.cli.apply.Plans;
import dev.infra.cli.apply.JsonEvents;
import dev.infra.cli.AppContext;
import dev.infra.cli.LockedStage;
import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.exec.ApplyResult;
import dev.infra.core.exec.Sweeper;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.Retention;
import dev.infra.core.provider.Found;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last part of {@code remove}: what the stage's tags find that the state does not list (a lost or hand-edited
 * state) and that the objects' own tags prove ours is recorded in the state with its dependencies, then deleted by the
 * same executor as any remove (parallel, retried, with progress lines), and reported at the end. What is tagged for
 * this stage but not proven ours (an unknown address, no {@code infra:resource} tag) is left alone, counted and named
 * under {@code --verbose}; other apps' and stages' resources that broad queries return are not mentioned. What a
 * protected stage retains by design (its stateful types and what they stand on) is kept even when a state lost it.
 */
public final class StageSweep {
    /** @param deleted "type id (address)" of what was swept; @param failed "address: why" */
    public record Outcome(List<String> deleted, List<String> failed, int leftAlone) {
        public int code() {
            return failed.isEmpty() ? 0 : 1;
        }
    }

    private StageSweep() { }

    public static Outcome run(AppContext c, LockedStage locked, int parallelism, boolean finalSnapshot, JsonEvents events, PrintStream human,
                       boolean verbose) {
        Sweeper.Findings found = find(c, locked);
        int leftAlone = found.leftAlone().size();
        if (leftAlone > 0) human.println("sweep: left alone " + leftAlone + (leftAlone == 1 ? " resource" : " resources")
                + " tagged for this stage with no address infra knows" + (verbose ? ":" : " (--verbose names them)"));
        if (verbose) found.leftAlone().forEach(s -> human.println("  not ours: " + s));
        if (found.orphans().isEmpty()) return new Outcome(List.of(), List.of(), leftAlone);
        human.println("sweep: " + found.orphans().size() + " resources tagged for this stage that the state does not list; removing them");
        Set<String> before = new HashSet<>(locked.session().state().resources().keySet());
        locked.session().update(s -> Sweeper.record(s, found.orphans(), c.desired()));
        Plan plan = Plans.plan(c, locked.session().state(), Plans.options(c, List.of(), true, finalSnapshot));
        Plans.print(c, plan, human);
        ApplyResult r = Apply.execute(c, plan, locked, parallelism, events);
        List<String> deleted = new ArrayList<>();
        Set<String> after = locked.session().state().resources().keySet();
        for (Found f : found.orphans()) {
            boolean gone = after.stream().noneMatch(a -> !before.contains(a) && (a.equals(f.address()) || a.equals(f.address() + "#" + f.physicalId())));
            if (gone) deleted.add(f.type() + " " + f.physicalId() + " (" + f.address() + ")");
        }
        List<String> failed = r.failures().stream().map(x -> x.address() + ": " + x.message()).toList();
        return new Outcome(deleted, failed, leftAlone);
    }

    private static Sweeper.Findings find(AppContext c, LockedStage locked) {
        List<String> order = new ArrayList<>();
        c.desired().resources().forEach(d -> order.add(d.type()));
        Collections.reverse(order);
        Set<String> types = new LinkedHashSet<>(order);
        types.addAll(ResourceTypes.all().keySet());
        Set<String> kept = new HashSet<>();
        if (c.config().protect()) {
            types.removeIf(t -> ResourceTypes.find(t).map(ResourceSchema::stateful).orElse(false));
            kept.addAll(Retention.byDesign(c.desired()));
        }
        Set<String> known = new HashSet<>(locked.session().state().resources().keySet());
        c.desired().resources().forEach(d -> known.add(d.address()));
        return new Sweeper(c.providers()).find(c.stage(), locked.session().state(), types, known, kept);
    }
}

package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.cli.LockedStage;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.component.ResourceSchema;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.exec.ApplyResult;
import dev.infra.core.exec.Executor;
import dev.infra.core.exec.Sweeper;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Command(name = "remove", description = "Delete every resource of the stage in reverse dependency order, then sweep tagged leftovers.",
        footerHeading = "%nExample:%n", footer = "  infra remove --stage pr-42 --yes")
public final class RemoveCommand extends BaseCommand {
    @Option(names = {"-y", "--yes"}, description = "do not ask (required on a non-TTY)")
    boolean yes;

    @Option(names = "--confirm", description = "the stage name, required to remove a protected stage")
    String confirm;

    @Option(names = "--final-snapshot", description = "databases take a final snapshot before they are deleted")
    boolean finalSnapshot;

    @Option(names = "--parallelism", defaultValue = "10", description = "steps run at once (default: ${DEFAULT-VALUE})")
    int parallelism = Executor.DEFAULT_PARALLELISM;

    public RemoveCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws Exception {
        String stage = ctx().config().stage();
        if (ctx().config().protect() && !stage.equals(confirm))
            throw new InvalidInputException("stage " + stage + " is protected; rerun with --confirm " + stage);
        if (!io.tty() && !yes) throw new InvalidInputException("remove deletes every resource of stage " + stage + "; rerun with --yes");
        ctx().desired();
        try (LockedStage locked = ctx().lock("infra remove")) {
            Plan plan = Plans.plan(ctx(), locked.session().state(), Plans.options(ctx(), List.of(), true, finalSnapshot));
            Plans.print(ctx(), plan, human());
            if (!yes) Apply.confirm(ctx(), plan, false, "remove");
            ApplyResult r = plan.hasChanges() ? Apply.execute(ctx(), plan, locked.session(), parallelism) : null;
            for (Change c : Apply.retained(plan)) human().println("retained in AWS: " + c.address() + " (" + c.type() + ")");
            if (finalSnapshot && ctx().config().protect()) human().println("--final-snapshot: nothing to snapshot, the kept databases stay as they are");
            if (r != null && !r.success()) return Apply.report(ctx(), r, human());
            Sweeper.Swept swept = sweep(locked, plan);
            swept.deleted().forEach(s -> human().println("swept: " + s));
            swept.failed().forEach(s -> human().println("sweep failed: " + s));
            return r == null ? (swept.failed().isEmpty() ? 0 : 1) : Math.max(Apply.report(ctx(), r, human()), swept.failed().isEmpty() ? 0 : 1);
        }
    }

    /**
     * Sweeps tagged leftovers, dependents first. What a protected stage retains is still in state, so the sweep skips
     * it; its stateful types and what they stand on by design are kept too, for a state that lost them.
     */
    private Sweeper.Swept sweep(LockedStage locked, Plan plan) {
        List<String> order = new ArrayList<>();
        ctx().desired().resources().forEach(d -> order.add(d.type()));
        Collections.reverse(order);
        Set<String> types = new LinkedHashSet<>(order);
        types.addAll(ResourceTypes.all().keySet());
        Set<String> kept = new HashSet<>();
        if (ctx().config().protect()) {
            types.removeIf(t -> ResourceTypes.find(t).map(ResourceSchema::stateful).orElse(false));
            kept.addAll(Retention.byDesign(ctx().desired()));
        }
        return new Sweeper(ctx().providers()).sweep(ctx().stage(), locked.session().state(), types, kept);
    }
}

package dev.infra.cli.command;

import dev.infra.cli.apply.Apply;
import dev.infra.cli.apply.Plans;
import dev.infra.cli.apply.JsonEvents;
import dev.infra.cli.stage.Ages;
import dev.infra.cli.stage.OldStageRemoval;
import dev.infra.cli.stage.StageSweep;
import dev.infra.cli.view.Json;
import dev.infra.cli.AppContext;
import dev.infra.cli.Io;
import dev.infra.cli.LockedStage;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.exec.ApplyResult;
import dev.infra.core.exec.Executor;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.infra.core.state.StateConflictException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Command(name = "remove", description = "Delete every resource of the stage in reverse dependency order, then sweep tagged leftovers.",
        footerHeading = "%nExamples:%n", footer = {"  infra remove --stage pr-42 --yes", "  infra remove --stage 'preview-*' --older-than 7d --dry-run"})
public final class RemoveCommand extends BaseCommand {
    @Option(names = {"-y", "--yes"}, description = "do not ask (required on a non-TTY)")
    boolean yes;

    @Option(names = "--confirm", description = "the stage name, required to remove a protected stage")
    String confirm;

    @Option(names = "--final-snapshot", description = "databases take a final snapshot before they are deleted")
    boolean finalSnapshot;

    @Option(names = "--parallelism", defaultValue = "10", description = "steps run at once (default: ${DEFAULT-VALUE})")
    int parallelism = Executor.DEFAULT_PARALLELISM;

    @Option(names = "--older-than", description = "with a --stage glob (e.g. 'preview-*'): remove every matching stage whose last "
            + "recorded change is older than this (7d, 12h, 2w), one after the other; protected stages are skipped")
    String olderThan;

    @Option(names = "--dry-run", description = "with --older-than: print what would be removed and skipped, change nothing")
    boolean dryRun;

    public RemoveCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws Exception {
        if (olderThan != null) {
            OldStageRemoval.Outcome done = new OldStageRemoval(ctx(), global.stage(io), Ages.parse("--older-than", olderThan), human())
                    .run(dryRun, yes, this::removeUnprotected);
            if (global.json) io.out().println(Json.line(done.json()));
            return done.exitCode();
        }
        if (dryRun) throw new InvalidInputException("--dry-run goes with --older-than; a remove of one stage prints its plan first, and asks on a terminal unless --yes");
        String stage = ctx().config().stage();
        if (ctx().config().protect() && !stage.equals(confirm))
            throw new InvalidInputException("stage " + stage + " is protected; rerun with --confirm " + stage);
        return remove(ctx(), null);
    }

    private int removeUnprotected(AppContext c, Instant cutoff) throws Exception {
        if (c.config().protect()) throw new InvalidInputException("stage " + c.config().stage() + " is protected");
        return remove(c, cutoff);
    }

    /**
     * Removes the stage of {@code c}; its state is deleted once nothing of it is left, so it leaves 'infra stages'.
     * With a {@code cutoff}, a stage whose state changed since (read under the lock) is left alone.
     */
    private int remove(AppContext c, Instant cutoff) throws Exception {
        String stage = c.config().stage();
        if (!io.tty() && !yes) throw new InvalidInputException("remove deletes every resource of stage " + stage + "; rerun with --yes");
        c.desired();
        try (LockedStage locked = c.lock("infra remove")) {
            if (cutoff != null && locked.session().state().lastChanged().map(l -> !l.at().isBefore(cutoff)).orElse(true))
                throw new StateConflictException("stage " + stage + " changed since it was listed; not removed");
            Plan plan = Plans.plan(c, locked.session().state(), Plans.options(c, List.of(), true, finalSnapshot));
            Plans.print(c, plan, human());
            if (!yes) Apply.confirm(c, plan, false, "remove");
            JsonEvents events = JsonEvents.of(global.json, io.out());
            events.plan(plan);
            ApplyResult r = plan.hasChanges() ? Apply.execute(c, plan, locked, parallelism, events) : null;
            int code = finish(c, locked, plan, r, events);
            if (code == 0 && locked.session().state().resources().isEmpty()) locked.session().delete();
            return code;
        }
    }

    /** What was kept, the sweep after a successful apply (or none), the summaries; returns the exit code. */
    private int finish(AppContext c, LockedStage locked, Plan plan, ApplyResult r, JsonEvents events) {
        for (Change ch : Apply.retained(plan)) human().println("retained in AWS: " + ch.address() + " (" + ch.type() + ")");
        if (finalSnapshot && c.config().protect()) human().println("--final-snapshot: nothing to snapshot, the kept databases stay as they are");
        Map<String, Object> summary = Apply.summary(r);
        summary.put("retained", Apply.retained(plan).stream().map(Change::address).toList());
        if (r != null && !r.success()) {
            events.summary(summary);
            return Apply.report(r, human(), global.verbose);
        }
        StageSweep.Outcome swept = StageSweep.run(c, locked, parallelism, finalSnapshot, events, human(), global.verbose);
        swept.deleted().forEach(s -> human().println("swept: " + s));
        swept.failed().forEach(s -> human().println("sweep failed: " + s));
        summary.put("success", swept.failed().isEmpty());
        summary.put("swept", swept.deleted());
        summary.put("sweepFailed", swept.failed());
        summary.put("sweepLeftAlone", swept.leftAlone());
        events.summary(summary);
        return r == null ? swept.code() : Math.max(Apply.report(r, human(), global.verbose), swept.code());
    }
}

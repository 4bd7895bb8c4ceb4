package dev.infra.cli.command;

import dev.infra.cli.apply.Apply;
import dev.infra.cli.apply.Plans;
import dev.infra.cli.apply.JsonEvents;
import dev.infra.cli.Io;
import dev.infra.cli.LockedStage;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.secrets.RequiredSecrets;
import dev.infra.core.exec.ApplyResult;
import dev.infra.core.exec.Executor;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanDigest;
import dev.infra.core.plan.SavedPlanValues;
import dev.infra.core.plan.PlanJson;
import dev.infra.core.state.StateConflictException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

@Command(name = "deploy", description = "Plan, then apply in dependency order with bounded parallelism; state saved after every step.",
        footerHeading = "%nExample:%n", footer = "  infra deploy --stage prod --yes")
public final class DeployCommand extends BaseCommand {
    @Option(names = "--plan", description = "apply this saved plan (from diff --out); refused if state moved on since")
    String planFile;

    @Option(names = "--target", description = "limit to a resource of infra.yaml and what it depends on")
    List<String> targets = new ArrayList<>();

    @Option(names = "--parallelism", defaultValue = "10", description = "steps run at once (default: ${DEFAULT-VALUE})")
    int parallelism = Executor.DEFAULT_PARALLELISM;

    @Option(names = {"-y", "--yes"}, description = "do not ask before deleting or replacing stateful resources")
    boolean yes;

    public DeployCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws Exception {
        if (parallelism < 1 || parallelism > 256) throw new InvalidInputException("--parallelism must be between 1 and 256");
        ctx().desired();
        Plan saved = planFile == null ? null : saved();
        checkSecrets();
        try (LockedStage locked = ctx().lock("infra deploy")) {
            Plan plan = saved == null ? Plans.plan(ctx(), locked.session().state(), Plans.options(ctx(), targets, false)) : saved;
            if (saved != null && madeOn(saved, locked.session().state()))
                SavedPlanValues.checkDiffs(saved, locked.session().state(), ctx().desired().schemas());
            Plans.print(ctx(), plan, human());
            JsonEvents events = JsonEvents.of(global.json, io.out());
            if (!plan.hasChanges()) {
                events.plan(plan);
                events.summary(Apply.summary(null));
                return 0;
            }
            Apply.confirm(ctx(), plan, yes, "deploy");
            events.plan(plan);
            ApplyResult r = Apply.execute(ctx(), plan, locked, parallelism, events);
            events.summary(Apply.summary(r));
            return Apply.report(r, human(), global.verbose);
        }
    }

    /** Whether the plan was made on this state; one that was not is refused by the executor as stale. */
    private static boolean madeOn(Plan p, dev.infra.core.state.State s) {
        return p.lineage().equals(s.lineage()) && p.priorSerial() == s.serial();
    }

    /** Before any change: every secret the services read must be set for the stage; all missing ones are listed. */
    private void checkSecrets() {
        List<String> missing = RequiredSecrets.missing(ctx().config(), ctx().secrets());
        if (missing.isEmpty()) return;
        String stage = ctx().config().stage();
        throw new InvalidInputException("stage " + stage + " is missing " + missing.size() + " secret" + (missing.size() == 1 ? "" : "s")
                + ": " + String.join(", ", missing) + " (set them with 'infra secrets set NAME --stage " + stage
                + "' or 'infra secrets load FILE --stage " + stage + "'); nothing was changed");
    }

    /**
     * A saved plan, checked before any AWS call: not edited since 'infra diff --out' wrote it (its digest), for this
     * app and stage, and made from the app as it is now (infra.yaml and the build contexts it names). Whether the
     * state moved on since is checked under the lock, when it is applied.
     */
    private Plan saved() throws java.io.IOException {
        String text;
        try {
            text = Files.readString(io.resolve(planFile));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--plan: no such file " + planFile);
        }
        PlanJson.Saved s = PlanJson.read(text);
        Plan p = s.plan();
        if (!p.app().equals(ctx().config().app()) || !p.stage().equals(ctx().config().stage()))
            throw new StateConflictException("the plan is for " + p.app() + "/" + p.stage() + ", not " + ctx().config().app() + "/" + ctx().config().stage());
        if (!s.appDigest().equals(PlanDigest.of(ctx().desired())))
            throw new StateConflictException("infra.yaml (or a build context it names) changed since this plan was made: make a new plan");
        SavedPlanValues.check(p, ctx().desired());
        return p;
    }
}

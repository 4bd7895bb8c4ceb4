package dev.infra.core.exec;

import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.plan.Action;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Plan;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WallClock;
import dev.infra.core.state.GroupCommit;
import dev.infra.core.state.State;
import dev.infra.core.state.StateConflictException;
import dev.infra.core.state.StateSession;

import java.util.EnumMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applies a {@link Plan}: refuses a plan made against another state (lineage or serial), checks that every type
 * has a provider before touching anything, then lets a {@link Scheduler} run the steps.
 */
public final class Executor {
    public static final int DEFAULT_PARALLELISM = 10;
    private final ProviderRegistry providers;
    private final StageContext stage;
    private final int parallelism;
    private final ProgressListener listener;
    private final WallClock clock;

    public Executor(ProviderRegistry providers, StageContext stage, int parallelism, ProgressListener listener, WallClock clock) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        this.providers = providers;
        this.stage = stage;
        this.parallelism = parallelism;
        this.listener = listener;
        this.clock = clock;
    }

    public ApplyResult apply(Plan plan, StateSession session) {
        return apply(plan, session, Halt.NONE);
    }

    /**
     * Applies, asking {@code halt} before each step: once it gives a reason, no step starts, those in flight finish
     * and are recorded, and the apply fails with that reason (exit 1; rerun to resume).
     */
    public ApplyResult apply(Plan plan, StateSession session, Halt halt) {
        checkFresh(plan, session);
        checkProviders(plan);
        StepGraph steps = new StepGraph(plan, session.state());
        Scheduler.Outcome out = run(steps, session, halt);
        if (out.halted() != null) throw new InfraException(ExitCode.FAILURE, "stopped: " + out.halted() + "; "
                + out.notStarted().size() + " steps not started; state is saved up to the last finished step, rerun to resume");
        Map<Action, Integer> done = done(plan, steps, out);
        Set<String> untouched = new TreeSet<>();
        for (String id : out.notStarted()) untouched.add(steps.steps.get(id).change().address());
        return new ApplyResult(session.state(), out.failures(), untouched.stream().toList(), done);
    }

    /**
     * Runs the steps with their state changes group-committed; once they are over, stores what is left as a snapshot
     * that folds the journal in. A crash (an {@link Error}) stores nothing more: the process is going down.
     */
    private Scheduler.Outcome run(StepGraph steps, StateSession session, Halt halt) {
        GroupCommit commits = new GroupCommit(session, clock);
        Scheduler.Outcome out;
        try {
            StepRunner runner = new StepRunner(providers, commits, new RequestFactory(stage), clock, steps.steps.keySet());
            out = new Scheduler(steps, runner, parallelism, listener, clock, halt).run();
            runner.forgetUnstarted();
        } catch (Error e) {
            commits.abandon();
            throw e;
        } catch (RuntimeException e) {
            closeAfter(commits, e);
            throw e;
        }
        commits.close();
        return out;
    }

    /** After an interruption too, what the finished steps changed is stored (the interrupt is kept for the caller). */
    private static void closeAfter(GroupCommit commits, RuntimeException cause) {
        boolean interrupted = Thread.interrupted();
        try {
            commits.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * What was done, by action: a change counts when all its steps completed; a replacement whose old resource was
     * deleted but whose new one was not created counts as a delete, and one whose new resource was created but whose
     * old one was not yet deleted counts as a create, so the summary never says "nothing changed" when something was.
     */
    private static Map<Action, Integer> done(Plan plan, StepGraph steps, Scheduler.Outcome out) {
        Map<Action, Integer> done = new EnumMap<>(Action.class);
        Map<Change, List<Step>> stepsOf = new java.util.IdentityHashMap<>();
        for (Step s : steps.steps.values()) stepsOf.computeIfAbsent(s.change(), k -> new ArrayList<>()).add(s);
        for (Change c : plan.changes()) {
            if (!c.action().changes()) continue;
            boolean finished = stepsOf.getOrDefault(c, List.of()).stream().allMatch(s -> out.completed().contains(s.id()));
            if (finished) done.merge(c.action(), 1, Integer::sum);
            else if (c.action() == Action.REPLACE && out.completed().contains(Step.delete(c.address())))
                done.merge(Action.DELETE, 1, Integer::sum);
            else if (c.action() == Action.REPLACE && out.completed().contains(Step.apply(c.address())))
                done.merge(Action.CREATE, 1, Integer::sum);
        }
        return done;
    }

    private static void checkFresh(Plan plan, StateSession session) {
        State s = session.state();
        boolean fresh = session.version() == null && s.serial() == 0 && plan.priorSerial() == 0;
        if (!plan.app().equals(s.app()) || !plan.stage().equals(s.stage()))
            throw new StateConflictException("the plan is for " + plan.app() + "/" + plan.stage() + ", the state for " + s.app() + "/" + s.stage());
        if (fresh && !plan.lineage().equals(s.lineage())) {
            session.adoptLineage(plan.lineage());
            return;
        }
        if (!plan.lineage().equals(s.lineage()) || plan.priorSerial() != s.serial())
            throw new StateConflictException("the state changed since the plan was made (serial " + plan.priorSerial()
                    + ", now " + s.serial() + (plan.lineage().equals(s.lineage()) ? "" : ", other lineage") + "); run infra diff again");
    }

    private void checkProviders(Plan plan) {
        Set<String> types = plan.changes().stream().filter(c -> c.action().changes() && c.action() != Action.RETAIN)
                .map(Change::type).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = providers.missing(types);
        if (!missing.isEmpty()) throw new InfraException(ExitCode.NO_PROVIDER, "no provider is registered for resource type"
                + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + "; nothing was changed");
        Set<String> changing = plan.changes().stream().filter(c -> c.action() == Action.CREATE || c.action() == Action.UPDATE
                || c.action() == Action.REPLACE).map(Change::type).collect(Collectors.toCollection(TreeSet::new));
        List<String> unavailable = new ArrayList<>();
        for (String type : changing) providers.get(type).unavailable().ifPresent(why -> unavailable.add(type + ": " + why));
        if (!unavailable.isEmpty()) throw new InfraException(ExitCode.NO_PROVIDER, String.join("; ", unavailable) + "; nothing was changed");
    }
}

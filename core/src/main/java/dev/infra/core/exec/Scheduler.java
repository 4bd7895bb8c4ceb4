package dev.infra.core.exec;

import dev.infra.core.component.ResourceTypes;
import dev.infra.core.diag.InfraException;
import dev.infra.core.provider.WallClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs steps on a bounded pool: a step starts as soon as every step it waits for is done; among ready steps, the
 * one with the longest expected chain behind it goes first (list scheduling on the critical path). After a failure the steps
 * in flight finish, nothing new starts. An {@link Error} (a crash) stops everything at once and is rethrown.
 */
final class Scheduler {
    /** @param halted why no more steps were started, or null when nothing halted the run */
    record Outcome(Set<String> completed, Set<String> notStarted, List<ApplyResult.Failure> failures, String halted) { }

    private record Done(Step step, Throwable error, Duration took) { }

    private final StepGraph steps;
    private final StepRunner runner;
    private final int parallelism;
    private final ProgressListener listener;
    private final WallClock clock;
    private final Halt halt;
    private String halted;

    Scheduler(StepGraph steps, StepRunner runner, int parallelism, ProgressListener listener, WallClock clock, Halt halt) {
        this.steps = steps;
        this.runner = runner;
        this.parallelism = parallelism;
        this.listener = listener;
        this.clock = clock;
        this.halt = halt;
    }

    /**
     * Runs every step it can. The loop attends the clock and hands each step to a pool thread through it, and waits
     * for finished steps in the clock's mailbox, so simulated time moves only while every step in flight waits on it.
     */
    Outcome run() {
        return clock.attend(this::loop);
    }

    private Outcome loop() {
        WriteAheadHorizon horizon = new WriteAheadHorizon(steps.graph);
        runner.writeAhead(horizon.initial().stream().map(steps.steps::get).toList()); // stored while the rest is set up
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, Integer> height = heights();
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>(
                java.util.Comparator.<String>comparingInt(id -> -height.get(id)).thenComparing(id -> id));
        for (String id : steps.graph.topologicalOrder()) {
            int n = steps.graph.dependenciesOf(id).size();
            waiting.put(id, n);
            if (n == 0) ready.add(id);
        }
        Set<String> completed = new LinkedHashSet<>();
        List<ApplyResult.Failure> failures = new ArrayList<>();
        WallClock.Mailbox<Done> done = clock.mailbox();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, steps.steps.size())), daemon());
        int inFlight = 0;
        try {
            while (true) {
                List<Step> ahead = new ArrayList<>();
                while (failures.isEmpty() && inFlight < parallelism && !ready.isEmpty() && !halted()) {
                    Step s = steps.steps.get(ready.poll());
                    pool.execute(clock.handOff(() -> done.put(runOne(s))));
                    inFlight++;
                    for (String next : horizon.started(s.id())) ahead.add(steps.steps.get(next));
                }
                if (!ahead.isEmpty()) runner.writeAhead(ahead);
                if (inFlight == 0) break;
                Done d = done.take();
                inFlight--;
                if (d.error() instanceof Error e) {
                    stop(pool);
                    throw e;
                }
                if (d.error() != null) {
                    failures.add(new ApplyResult.Failure(d.step().change().address(), d.step().change().action(), message(d.error()), d.error()));
                    continue;
                }
                completed.add(d.step().id());
                for (String next : steps.graph.dependentsOf(d.step().id()))
                    if (waiting.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException(dev.infra.core.diag.ExitCode.INTERRUPTED, "interrupted; steps in flight were not recorded as done");
        } finally {
            pool.shutdownNow();
        }
        Set<String> notStarted = new LinkedHashSet<>(steps.steps.keySet());
        notStarted.removeAll(completed);
        failures.forEach(f -> { notStarted.remove(Step.apply(f.address())); notStarted.remove(Step.delete(f.address())); });
        return new Outcome(completed, notStarted, failures, halted);
    }

    /** Whether the run must start nothing more; once it must, it stays so. */
    private boolean halted() {
        if (halted == null) halted = halt.reason().orElse(null);
        return halted != null;
    }

    /** Going down: interrupt the steps in flight and wait briefly for them, so nothing runs on after the caller. */
    private static void stop(ExecutorService pool) throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Expected time from each step's start to the end of the longest chain behind it (typical durations per type):
     * the ready step with the longest expected chain starts first.
     */
    private Map<String, Integer> heights() {
        Map<String, Integer> h = new HashMap<>();
        List<String> order = steps.graph.topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
            int best = 0;
            for (String d : steps.graph.dependentsOf(id)) best = Math.max(best, h.get(d));
            h.put(id, best + ResourceTypes.typicalSeconds(steps.steps.get(id).change().type()));
        }
        return h;
    }

    private Done runOne(Step s) {
        Instant start = clock.now();
        emit(ProgressEvent.Kind.STARTED, s, "", Duration.ZERO);
        try {
            runner.run(s, what -> emit(ProgressEvent.Kind.WAITING, s, what, Duration.between(start, clock.now())));
            Duration took = Duration.between(start, clock.now());
            emit(ProgressEvent.Kind.DONE, s, "", took);
            return new Done(s, null, took);
        } catch (RuntimeException e) {
            Duration took = Duration.between(start, clock.now());
            emit(ProgressEvent.Kind.FAILED, s, message(e), took);
            return new Done(s, e, took);
        } catch (Error e) {
            return new Done(s, e, Duration.ZERO);
        }
    }

    private void emit(ProgressEvent.Kind kind, Step s, String message, Duration elapsed) {
        var c = s.change();
        var action = s.kind() == Step.Kind.DELETE && c.action() == dev.infra.core.plan.Action.REPLACE
                ? dev.infra.core.plan.Action.DELETE : c.action();
        listener.onEvent(new ProgressEvent(clock.now(), kind, c.address(), c.type(), action, message, elapsed));
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "infra-step");
            t.setDaemon(true);
            return t;
        };
    }
}

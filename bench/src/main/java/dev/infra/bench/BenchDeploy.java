package dev.infra.bench;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.exec.Executor;
import dev.infra.core.exec.ProgressListener;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.plan.Planner;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WallClock;
import dev.infra.core.state.ConditionalStore;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.StateSession;
import dev.infra.fixtures.FakeCloud;
import dev.infra.fixtures.FakeProviderPlugin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * One timed deploy of an app from an empty state on fake providers that sleep a latency per resource type (real
 * time: it is a benchmark), and the bounds it is measured against: the graph's critical path and the total work.
 */
final class BenchDeploy {
    record Result(boolean ok, long wallMs, long cpuMs) { }

    private final DesiredApp app;
    private final ToLongFunction<String> latencyOfType;
    private final Map<String, String> typeOf = new HashMap<>();

    BenchDeploy(DesiredApp app, ToLongFunction<String> latencyOfType) {
        this.app = app;
        this.latencyOfType = latencyOfType;
        app.resources().forEach(r -> typeOf.put(r.address(), r.type()));
    }

    /** The latency of the resource at {@code address}, in ms. */
    long latency(String address) {
        return latencyOfType.applyAsLong(typeOf.get(address));
    }

    /** The longest chain of provider latencies through the graph, in ms. */
    long criticalPath() {
        return app.graph().criticalPath(this::latency);
    }

    /** Every resource's latency, summed, in ms. */
    long work() {
        return app.resources().stream().map(DesiredResource::address).mapToLong(this::latency).sum();
    }

    /** Plans and applies against {@code store}; the apply alone is timed, and {@code atStart} runs just before it. */
    Result run(int parallelism, ConditionalStore store, ProgressListener listener, Runnable atStart) {
        FakeCloud cloud = new FakeCloud();
        for (String type : app.schemas().keySet()) cloud.latency(type, Duration.ofMillis(latencyOfType.applyAsLong(type)));
        String name = app.config().app();
        StateSession session = StateSession.open(new ObjectStateBackend(store), name, "dev");
        Plan plan = Planner.plan(app, session.state(), PlanOptions.ALL);
        Executor executor = new Executor(new ProviderRegistry(FakeProviderPlugin.forCloud(cloud)),
                new StageContext(name, "dev", app.config().region(), false), parallelism, listener, WallClock.SYSTEM);
        atStart.run();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        boolean ok = executor.apply(plan, session).success();
        return new Result(ok, (System.nanoTime() - start) / 1_000_000, (cpuNanos() - cpu) / 1_000_000);
    }

    /** CPU time of the whole process (every thread, the JIT's and the collector's too). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

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
import dev.infra.core.state.MemoryStore;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.StateSession;
import dev.infra.fixtures.FakeCloud;
import dev.infra.fixtures.FakeProviderPlugin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 18: a deploy on fake providers (sleeping per type, as {@link BenchMain}) against a state store that counts
 * requests and bytes and takes 50 ms per write, as S3 does. Prints store writes, bytes written, the final state's
 * size, and wall time over two critical paths: the graph's longest chain of provider latencies alone, and the
 * longest chain of the steps as the executor measured them (each including its wait for its pending record).
 */
final class StateBench {
    static final Duration WRITE = Duration.ofMillis(Long.getLong("bench.writeMs", 50)); // -Dbench.writeMs=0: the same deploy on an instant store
    /** -Dbench.callScale=0.2: every provider latency times 0.2 (a 5,000-resource run at full latency takes minutes). */
    static final double CALL_SCALE = Double.parseDouble(System.getProperty("bench.callScale", "1"));

    private StateBench() { }

    /** The same deploy on an instant store, printing nothing: the timed runs after it find the code compiled. */
    static void warmUp(DesiredApp app, int parallelism) {
        deploy(app, parallelism, new CountingStore(new MemoryStore("state-bench-warm-up"), Duration.ZERO), ProgressListener.NONE);
    }

    static void run(String label, DesiredApp app, int parallelism) {
        CountingStore store = new CountingStore(new MemoryStore("state-bench-" + label), WRITE);
        ChainTrace trace = new ChainTrace();
        BenchMain.resetPeaks();
        Applied run = deploy(app, parallelism, store, trace);
        boolean ok = run.ok();
        long wall = run.wallMs();
        double heap = BenchMain.peakHeapMiB();
        print(label, app, parallelism, store, wall, trace.measured(), ok);
        Map<String, String> typeOf = new ConcurrentHashMap<>();
        app.resources().forEach(r -> typeOf.put(r.address(), r.type()));
        System.out.println(trace.split(app.graph(), a -> latency(typeOf.get(a)), wall));
        System.out.printf("  CPU used by the process during the apply %,d ms; peak heap during the run %.0f MiB (-Xmx %d MiB)%n", run.cpuMs(),
                heap, Runtime.getRuntime().maxMemory() / 1048576);
        if (WRITE.isZero()) return;
        long critical = app.graph().criticalPath(a -> latency(typeOf.get(a)));
        Applied instant = deploy(app, parallelism, new CountingStore(new MemoryStore("state-bench-instant-" + label), Duration.ZERO), ProgressListener.NONE);
        System.out.printf("  floor: critical path + the two writes no design that stores a pending record before each call can overlap"
                        + " (the first step's record, the snapshot after the last step) %,d ms, wall / floor %.3f;"
                        + " the same deploy on an instant store: wall %,d ms, ratio %.3f%s%n", critical + 2 * WRITE.toMillis(),
                (double) wall / (critical + 2 * WRITE.toMillis()), instant.wallMs(), (double) instant.wallMs() / critical,
                instant.ok() ? "" : " (FAILED)");
    }

    private record Applied(boolean ok, long wallMs, long cpuMs) { }

    /** CPU time of the whole process (every thread, the JIT's and the collector's too). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Plans and applies {@code app} from an empty state; the apply alone is timed (and a trace's times start with it). */
    private static Applied deploy(DesiredApp app, int parallelism, CountingStore store, ProgressListener listener) {
        FakeCloud cloud = new FakeCloud();
        for (String type : app.schemas().keySet()) cloud.latency(type, Duration.ofMillis(latency(type)));
        String name = app.config().app();
        StateSession session = StateSession.open(new ObjectStateBackend(store), name, "dev");
        Plan plan = Planner.plan(app, session.state(), PlanOptions.ALL);
        Executor executor = new Executor(new ProviderRegistry(FakeProviderPlugin.forCloud(cloud)),
                new StageContext(name, "dev", app.config().region(), false), parallelism, listener, WallClock.SYSTEM);
        if (listener instanceof ChainTrace trace) trace.start();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        boolean ok = executor.apply(plan, session).success();
        return new Applied(ok, (System.nanoTime() - start) / 1_000_000, (cpuNanos() - cpu) / 1_000_000);
    }

    private static void print(String label, DesiredApp app, int parallelism, CountingStore store, long wall,
                              Map<String, Long> measured, boolean ok) {
        Map<String, String> typeOf = new ConcurrentHashMap<>();
        app.resources().forEach(r -> typeOf.put(r.address(), r.type()));
        int n = app.resources().size();
        long critical = app.graph().criticalPath(a -> latency(typeOf.get(a)));
        long measuredCritical = app.graph().criticalPath(a -> measured.getOrDefault(a, 0L));
        long work = app.resources().stream().mapToLong(r -> latency(r.type())).sum();
        double avgParallelism = measured.values().stream().mapToLong(Long::longValue).sum() / (double) wall;
        long bound = Math.max(critical, work / parallelism);
        long finalSize = store.storedBytes(app.config().app() + "/", "state.json");
        long journalLeft = store.storedBytes(app.config().app() + "/dev/journal/", "");
        long snapshotBytes = store.bytesWritten.get() - store.journalBytes.get();
        System.out.printf("state %-8s %,5d resources, parallelism %d, %d ms writes, provider latency x%s%s%n", label, n, parallelism,
                WRITE.toMillis(), CALL_SCALE, ok ? "" : " (FAILED)");
        System.out.printf("  store: %,d writes (%,d journal records), %,d deletes, %,d reads; bound 2n/average parallelism (step time / wall) %.1f = %,.0f + c%n",
                store.writes.get(), store.journalWrites.get(), store.deletes.get(), store.reads.get(), avgParallelism, 2 * n / avgParallelism);
        System.out.printf("  bytes: %,d written (%,d snapshots, %,d journal records); final state %,d (and %,d of the replaced journal,"
                        + " left for the next run's seal); snapshots / final state %.2f, all / final %.1f%n",
                store.bytesWritten.get(), snapshotBytes, store.journalBytes.get(), finalSize, journalLeft, (double) snapshotBytes / finalSize,
                (double) store.bytesWritten.get() / finalSize);
        System.out.printf("  time: wall %,d ms; critical path %,d ms (provider latency), ratio %.3f; best possible max(critical path,"
                        + " work/parallelism) %,d ms, ratio %.3f; measured critical path %,d ms, ratio %.3f%n",
                wall, critical, (double) wall / critical, bound, (double) wall / bound, measuredCritical, (double) wall / measuredCritical);
    }

    static long latency(String type) {
        return Math.round(BenchMain.SLEEP_MS.getOrDefault(type, BenchMain.DEFAULT_SLEEP_MS) * CALL_SCALE);
    }
}

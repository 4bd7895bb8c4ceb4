package dev.infra.bench;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.exec.ProgressListener;
import dev.infra.core.state.MemoryStore;

import java.time.Duration;
import java.util.Map;

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
        new BenchDeploy(app, StateBench::latency).run(parallelism, new CountingStore(new MemoryStore("state-bench-warm-up"), Duration.ZERO),
                ProgressListener.NONE, () -> { });
    }

    static void run(String label, DesiredApp app, int parallelism) {
        BenchDeploy deploy = new BenchDeploy(app, StateBench::latency);
        CountingStore store = new CountingStore(new MemoryStore("state-bench-" + label), WRITE);
        ChainTrace trace = new ChainTrace();
        BenchMain.resetPeaks();
        BenchDeploy.Result run = deploy.run(parallelism, store, trace, trace::start);
        double heap = BenchMain.peakHeapMiB();
        long wall = run.wallMs();
        long critical = deploy.criticalPath();
        System.out.printf("state %-8s %,5d resources, parallelism %d, %d ms writes, provider latency x%s%s%n", label,
                app.resources().size(), parallelism, WRITE.toMillis(), CALL_SCALE, run.ok() ? "" : " (FAILED)");
        printStore(app, store, wall, trace.measured());
        long measuredCritical = app.graph().criticalPath(a -> trace.measured().getOrDefault(a, 0L));
        long bound = Math.max(critical, deploy.work() / parallelism);
        System.out.printf("  time: wall %,d ms; critical path %,d ms (provider latency), ratio %.3f; best possible max(critical path,"
                        + " work/parallelism) %,d ms, ratio %.3f; measured critical path %,d ms, ratio %.3f%n",
                wall, critical, (double) wall / critical, bound, (double) wall / bound, measuredCritical, (double) wall / measuredCritical);
        System.out.println(trace.split(app.graph(), deploy::latency, wall));
        System.out.printf("  CPU used by the process during the apply %,d ms; peak heap during the run %.0f MiB (-Xmx %d MiB)%n", run.cpuMs(),
                heap, Runtime.getRuntime().maxMemory() / 1048576);
        if (!WRITE.isZero()) printFloor(deploy, parallelism, label, wall, critical);
    }

    /** The floor no write-ahead design beats, and the same deploy on an instant store (the executor's own time). */
    private static void printFloor(BenchDeploy deploy, int parallelism, String label, long wall, long critical) {
        BenchDeploy.Result instant = deploy.run(parallelism, new CountingStore(new MemoryStore("state-bench-instant-" + label), Duration.ZERO),
                ProgressListener.NONE, () -> { });
        long floor = critical + 2 * WRITE.toMillis();
        System.out.printf("  floor: critical path + the two writes no design that stores a pending record before each call can overlap"
                        + " (the first step's record, the snapshot after the last step) %,d ms, wall / floor %.3f;"
                        + " the same deploy on an instant store: wall %,d ms, ratio %.3f%s%n", floor, (double) wall / floor,
                instant.wallMs(), (double) instant.wallMs() / critical, instant.ok() ? "" : " (FAILED)");
    }

    private static void printStore(DesiredApp app, CountingStore store, long wall, Map<String, Long> measured) {
        int n = app.resources().size();
        double avgParallelism = measured.values().stream().mapToLong(Long::longValue).sum() / (double) wall;
        long finalSize = store.storedBytes(app.config().app() + "/", "state.json");
        long journalLeft = store.storedBytes(app.config().app() + "/dev/journal/", "");
        long snapshotBytes = store.bytesWritten.get() - store.journalBytes.get();
        System.out.printf("  store: %,d writes (%,d journal records), %,d deletes, %,d reads; bound 2n/average parallelism (step time / wall) %.1f = %,.0f + c%n",
                store.writes.get(), store.journalWrites.get(), store.deletes.get(), store.reads.get(), avgParallelism, 2 * n / avgParallelism);
        System.out.printf("  bytes: %,d written (%,d snapshots, %,d journal records); final state %,d (and %,d of the replaced journal,"
                        + " left for the next run's seal); snapshots / final state %.2f, all / final %.1f%n",
                store.bytesWritten.get(), snapshotBytes, store.journalBytes.get(), finalSize, journalLeft, (double) snapshotBytes / finalSize,
                (double) store.bytesWritten.get() / finalSize);
    }

    static long latency(String type) {
        return Math.round(BenchMain.SLEEP_MS.getOrDefault(type, BenchMain.DEFAULT_SLEEP_MS) * CALL_SCALE);
    }
}

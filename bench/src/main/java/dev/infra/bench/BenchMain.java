package dev.infra.bench;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.Expander;
import dev.infra.core.exec.Executor;
import dev.infra.core.exec.ProgressListener;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.plan.Planner;
import dev.infra.core.state.MemoryStore;
import dev.infra.core.state.State;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Prints the benchmark figures of issue 2: plan time and peak heap for 1,000 and 10,000 resources, deploy wall time
 * over the critical path with a fake provider sleeping per type, and the median wall time of {@code bin/infra diff}
 * on the example. Figures, not assertions: the targets are in the README.
 */
public final class BenchMain {
    static final Map<String, Long> SLEEP_MS = Map.of("aws.ec2.Vpc", 300L, "aws.ec2.Subnet", 150L, "aws.ec2.Instance", 400L,
            "aws.ec2.NatGateway", 500L, "aws.rds.Cluster", 900L, "aws.rds.Instance", 700L, "aws.ecs.Service", 600L,
            "aws.elbv2.LoadBalancer", 500L, "docker.Image", 400L);
    static final long DEFAULT_SLEEP_MS = 60;

    /** -Dbench.parallelism=10,200: the parallelisms of the state-store runs (default: the deploy's default, 10, and 200). */
    private static final List<Integer> STATE_PARALLELISM = java.util.Arrays.stream(System.getProperty("bench.parallelism",
            Executor.DEFAULT_PARALLELISM + ",200").split(",")).map(String::trim).map(Integer::parseInt).toList();

    private BenchMain() { }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 1 && args[0].equals("--root") ? args[1] : ".");
        boolean quick = List.of(args).contains("--quick");
        if (List.of(args).contains("--state")) {
            List<Integer> sizes = new ArrayList<>();
            for (String a : args) if (a.matches("\\d+")) sizes.add(Integer.parseInt(a));
            state(root, sizes.isEmpty() ? List.of(0, 1_000, 5_000) : sizes);
            return;
        }
        for (int n : new int[] {1_000, 10_000}) plan(n, quick ? 2 : 5);
        deployRatio(root, 10, false); // warm-up: the first run pays class loading and JSON mapper set-up (~200 ms)
        deployRatio(root, 10, true);
        deployRatio(root, 64, true);
        DiffTiming.run(root, quick ? 3 : 7);
        state(root, quick ? List.of(0, 1_000) : List.of(0, 1_000, 5_000));
    }

    /** The state-store benchmark of issue 18 for each size (0: the example); {@code --state [SIZE...]} runs only it. */
    private static void state(Path root, List<Integer> sizes) {
        for (int n : sizes) {
            DesiredApp app = n == 0 ? Expander.expand(ConfigLoader.load(root.resolve("infra.yaml"), "dev", Map.of())) : SyntheticApp.expand(n);
            StateBench.warmUp(app, STATE_PARALLELISM.get(STATE_PARALLELISM.size() - 1));
            for (int p : STATE_PARALLELISM) StateBench.run(n == 0 ? "example" : String.valueOf(n), app, p);
        }
    }

    private static void plan(int size, int runs) {
        DesiredApp app = SyntheticApp.expand(size);
        State applied = SyntheticApp.applied(app);
        State empty = State.empty("bench", "dev");
        List<Long> createNs = new ArrayList<>();
        List<Long> noopNs = new ArrayList<>();
        resetPeaks();
        for (int i = 0; i < runs; i++) {
            createNs.add(time(() -> Planner.plan(app, empty, PlanOptions.ALL)));
            noopNs.add(time(() -> Planner.plan(app, applied, PlanOptions.ALL)));
        }
        long parse = time(() -> SyntheticApp.expand(size));
        System.out.printf("plan %,6d resources: all-create median %6.1f ms, no-change median %6.1f ms, parse+expand %6.1f ms, peak heap %5.0f MiB%n",
                app.resources().size(), median(createNs) / 1e6, median(noopNs) / 1e6, parse / 1e6, peakHeapMiB());
    }

    private static void deployRatio(Path root, int parallelism, boolean print) {
        DesiredApp app = Expander.expand(ConfigLoader.load(root.resolve("infra.yaml"), "dev", Map.of()));
        BenchDeploy deploy = new BenchDeploy(app, type -> SLEEP_MS.getOrDefault(type, DEFAULT_SLEEP_MS));
        BenchDeploy.Result run = deploy.run(parallelism, new MemoryStore("bench"), ProgressListener.NONE, () -> { });
        long critical = deploy.criticalPath();
        if (print) System.out.printf("deploy example (%d resources, parallelism %d): wall %d ms, critical path %d ms, ratio %.3f"
                        + " (total work / parallelism = %d ms)%s%n", app.resources().size(), parallelism, run.wallMs(), critical,
                (double) run.wallMs() / critical, deploy.work() / parallelism, run.ok() ? "" : " (FAILED)");
    }

    static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum / 1048576.0;
    }
}

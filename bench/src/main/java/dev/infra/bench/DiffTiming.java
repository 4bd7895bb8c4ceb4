package dev.infra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Median wall time of {@code bin/infra diff --stage dev} on the example, as a user runs it (fresh JVM each time). */
final class DiffTiming {
    private DiffTiming() { }

    static void run(Path root, int runs) throws Exception {
        Path launcher = root.resolve("bin/infra");
        if (!Files.isExecutable(launcher)) {
            System.out.println("infra diff: bin/infra not found under " + root);
            return;
        }
        exec(launcher, root); // warm-up, also writes the class-data-sharing archive
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            int code = exec(launcher, root);
            ms.add((System.nanoTime() - t) / 1_000_000);
            if (code != 0) throw new IllegalStateException("bin/infra diff exited " + code);
        }
        System.out.printf("infra diff on the example: median %d ms over %d runs (min %d, max %d)%n",
                BenchMain.median(ms), runs, ms.stream().mapToLong(Long::longValue).min().orElse(0),
                ms.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static int exec(Path launcher, Path root) throws Exception {
        Process p = new ProcessBuilder(launcher.toString(), "diff", "--stage", "dev", "--no-color")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}

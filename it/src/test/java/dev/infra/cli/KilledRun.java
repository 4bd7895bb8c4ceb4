package dev.infra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code bin/infra} in its own process, one step at a time, against an endpoint, and kills it with SIGKILL as
 * soon as the number of resources its file state records satisfies a condition: a crash at a known point.
 */
final class KilledRun {
    private final Path dir;
    private final String url;
    private final String stage;

    KilledRun(Path dir, String url, String stage) {
        this.dir = dir;
        this.url = url;
        this.stage = stage;
    }

    /** Starts {@code infra COMMAND --yes --parallelism 1}, kills it when {@code killWhen} holds; returns the count then. */
    int run(String command, IntPredicate killWhen) throws Exception {
        Path launcher = Path.of("..", "bin", "infra").toAbsolutePath().normalize();
        Path log = dir.resolve("killed-" + command + ".log");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), command, "--yes", "--parallelism", "1", "--stage", stage, "--no-color")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("AWS_ENDPOINT_URL", url);
        pb.environment().putIfAbsent("AWS_ACCESS_KEY_ID", "test");
        pb.environment().putIfAbsent("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("INFRA_CDS", "0");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); // real time: a separate launcher process against a real endpoint, killed part way
        int count = recorded();
        while (p.isAlive() && System.nanoTime() < deadline && !killWhen.test(count)) { // real time: the deadline above
            Thread.sleep(20); // real time: polling the killed-to-be process's recorded count
            count = recorded();
        }
        assertThat(p.isAlive()).as(command + " was still running when killed: " + Files.readString(log)).isTrue();
        p.destroyForcibly().waitFor();
        return count;
    }

    /** How many resources the stage's file state records now (pending ones included). */
    int recorded() {
        try {
            return Files.readString(dir.resolve(".infra/state/shop/" + stage + "/state.json")).split("\"address\"", -1).length - 1;
        } catch (IOException e) {
            return 0;
        }
    }
}

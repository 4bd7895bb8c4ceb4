package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code infra logs} on FakeAws: the lines a service's two fake tasks wrote through their awslogs driver come back
 * interleaved in time order, each prefixed by its task's short id, from FakeLogs' small, stream-ordered pages.
 */
class LogsOnFakeAwsTest {
    private static final String APP = """
            app: shop
            region: us-east-1
            state: file://.infra/state
            resources:
              vpc: { type: vpc, azs: 2, nat: none }
              cluster: { type: cluster, vpc: vpc }
              web:
                type: service
                cluster: cluster
                image: "example/web:1"
                port: 8080
                scaling: { min: 2, max: 3, cpu: 70 }
            """;
    @TempDir
    Path dir;
    private String name;
    private StageCli cli;

    @BeforeEach
    void setUp() throws Exception {
        name = "logs-" + UUID.randomUUID();
        FakeAws.named(name).pageSize(3);
        Files.writeString(dir.resolve("infra.yaml"), APP);
        cli = new StageCli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), "dev");
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    @Test
    void sinceReturnsTheLinesBothTasksWroteInTimeOrder() {
        cli.ok("deploy", "--yes");
        List<String> lines = cli.ok("logs", "web", "--since", "10m").out().lines().toList();
        assertThat(lines).hasSize(4);
        List<String> tasks = lines.stream().map(l -> l.split(" ")[1]).toList();
        assertThat(tasks).allMatch(t -> t.matches("[0-9a-f]{8}"));
        assertThat(tasks.get(0)).as("two tasks, interleaved").isNotEqualTo(tasks.get(1)).isEqualTo(tasks.get(2));
        assertThat(tasks.get(1)).isEqualTo(tasks.get(3));
        assertThat(lines).extracting(l -> l.substring(l.indexOf(' ', l.indexOf(' ') + 1) + 1))
                .containsExactly("starting example/web:1", "starting example/web:1", "listening on port 8080", "listening on port 8080");
        List<Instant> times = lines.stream().map(l -> Instant.parse(l.split(" ")[0])).toList();
        assertThat(times).isSorted().doesNotHaveDuplicates();

        assertThat(cli.ok("logs", "web", "--since", "10m", "--filter", "listening").out().lines()).hasSize(2)
                .allMatch(l -> l.endsWith("listening on port 8080"));
        assertThat(cli.ok("logs", "web", "--since", "1s").out()).as("nothing was written in the last second").isEmpty();
        List<String> json = cli.ok("logs", "web", "--json").out().lines().toList();
        assertThat(json).hasSize(4).allMatch(l -> l.startsWith("{\"time\":\"") && l.contains("\"task\":\"") && l.contains("\"message\":\""));

        Cli.Result unknown = cli.run("logs", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("'nope' is not a service");
        Cli.Result badSince = cli.run("logs", "web", "--since", "ten");
        assertThat(badSince.code()).isEqualTo(2);
        assertThat(badSince.err()).contains("--since: 'ten' is not a duration");
    }

    /**
     * {@code --follow} through the CLI: polls (on FakeAws's virtual clock, so without waiting) and prints each line
     * once however often it rereads; Ctrl-C, raised once the follow loop runs (its handler installed), ends it with
     * exit 0. The waits are bounded; the outcome does not depend on how the threads are scheduled.
     */
    @Test
    void followPrintsEachLineOnceUntilCtrlCAndExitsZero() throws Exception {
        cli.ok("deploy", "--yes");
        try (Interrupts probe = Interrupts.onCtrlC()) {
            assumeThat(probe.installed()).as("this JVM offers a signal API").isTrue();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        AtomicInteger code = new AtomicInteger(-1);
        Io io = new Io(print, new PrintStream(OutputStream.nullOutputStream()), InputStream.nullInputStream(),
                Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), dir, false);
        Thread follow = new Thread(() -> code.set(Main.run(io, "logs", "web", "--follow", "--stage", "dev")));
        follow.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 4 && System.nanoTime() < deadline) Thread.sleep(10);
        sun.misc.Signal.raise(new sun.misc.Signal("INT"));
        follow.join(30_000);
        assertThat(follow.isAlive()).isFalse();
        assertThat(code.get()).as("Ctrl-C ends --follow with exit 0").isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).as("each line once, though reread every poll").hasSize(4);
    }

    @Test
    void aServiceNotDeployedSaysSo() {
        Cli.Result r = cli.run("logs", "web");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("service web has no log group in stage dev: it is not deployed");
    }
}

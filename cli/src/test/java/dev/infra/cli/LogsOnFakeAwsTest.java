package dev.infra.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra logs} on FakeAws: the lines a service's two fake tasks wrote through their awslogs driver come back
 * interleaved in time order, each prefixed by its task's short id, from FakeLogs' small, stream-ordered pages.
 * {@code --follow} ended by a real Ctrl-C is LogsFollowIT's (in the it profile: it waits on real signal delivery).
 */
class LogsOnFakeAwsTest {
    @TempDir
    Path dir;
    private LogsApp app;
    private StageCli cli;

    @BeforeEach
    void setUp() throws Exception {
        app = new LogsApp(dir);
        cli = app.cli;
    }

    @AfterEach
    void forget() {
        app.close();
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

    @Test
    void aServiceNotDeployedSaysSo() {
        Cli.Result r = cli.run("logs", "web");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("service web has no log group in stage dev: it is not deployed");
    }
}

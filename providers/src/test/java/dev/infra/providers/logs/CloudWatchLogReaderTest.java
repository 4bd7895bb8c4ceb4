package dev.infra.providers.logs;

import dev.infra.core.logs.LogFollower;
import dev.infra.core.logs.LogLine;
import dev.infra.core.logs.LogReader;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log lines from FakeLogs, which pages by three, answers a query's first page empty, orders pages by stream and
 * makes each event visible 2 to 6 virtual seconds after its time: the reader returns every line in time order; the
 * follower hands each on once, a late one too.
 */
class CloudWatchLogReaderTest {
    private static final String A = "web/web/aaaaaaaa11112222";
    private static final String B = "web/web/bbbbbbbb33334444";
    private String name;
    private FakeAws fake;
    private FakeLogs logs;
    private LogReader reader;
    private Instant t0;

    @BeforeEach
    void setUp() {
        name = "logs-" + UUID.randomUUID();
        fake = FakeAws.named(name);
        logs = fake.service(FakeLogs.class);
        logs.createLogGroup(b -> b.logGroupName("/shop/dev/web"));
        reader = new CloudWatchLogReaderFactory().open(new ProviderConfig("", "us-east-1", FakeAwsOverride.SCHEME + name, false));
        t0 = fake.clock().now();
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    private void write(String stream, int seconds, String message) {
        assertThat(logs.write("/shop/dev/web", stream, t0.plusSeconds(seconds), message)).isTrue();
    }

    @Test
    void everyPageInTimeOrderAcrossTasksFilteredAndFromTheStartTime() {
        for (int i = 0; i < 4; i++) {
            write(A, 2 * i + 1, "a" + i + (i == 2 ? " ERROR disk full" : ""));
            write(B, 2 * i + 2, "b" + i);
        }
        write("api/api/cccccccc", 3, "not web's");
        fake.clock().advance(java.time.Duration.ofSeconds(30));
        List<LogLine> lines = reader.read("/shop/dev/web", "web/", t0, "");
        assertThat(lines).extracting(LogLine::message).containsExactly("a0", "b0", "a1", "b1", "a2 ERROR disk full", "b2", "a3", "b3");
        assertThat(lines).extracting(LogLine::shortTask).containsExactly("aaaaaaaa", "bbbbbbbb", "aaaaaaaa", "bbbbbbbb", "aaaaaaaa",
                "bbbbbbbb", "aaaaaaaa", "bbbbbbbb");
        assertThat(reader.read("/shop/dev/web", "web/", t0.plusSeconds(6), "")).extracting(LogLine::message).containsExactly("b2", "a3", "b3");
        assertThat(reader.read("/shop/dev/web", "web/", t0, "ERROR disk")).extracting(LogLine::message).containsExactly("a2 ERROR disk full");
    }

    @Test
    void followingHandsOnEveryLineOnceIncludingOnesThatBecomeVisibleLate() {
        write(A, 1, "first");
        fake.clock().advance(java.time.Duration.ofSeconds(10));
        List<String> seen = new ArrayList<>();
        List<String> written = new ArrayList<>(List.of("first"));
        new LogFollower(reader).follow("/shop/dev/web", "web/", t0, "", () -> {
            long at = java.time.Duration.between(t0, fake.clock().now()).toSeconds();
            if (at >= 14 && !written.contains("new")) {
                write(B, (int) at, "new");
                written.add("new");
                write(A, (int) at - 3, "late");
                written.add("late");
            }
            return at < 60;
        }, l -> seen.add(l.message()));
        assertThat(seen).as("each once; the late one (older than 'new' but seen no earlier) is not lost").containsExactlyInAnyOrder("first", "new", "late");
        assertThat(seen.get(0)).isEqualTo("first");
    }
}

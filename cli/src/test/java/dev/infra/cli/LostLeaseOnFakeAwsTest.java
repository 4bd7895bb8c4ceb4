package dev.infra.cli;

import dev.infra.core.state.LockInfo;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateBackends;
import dev.infra.fixtures.aws.FakeAws;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deploy whose lock is taken from it while it runs (another run forces it open and takes it, as {@code infra state
 * unlock --force} then a deploy would): its heartbeat's next renewal fails, no further step starts, and the run fails
 * saying the lease was lost. The CLI's wiring of the lock's heartbeat into the executor, end to end on FakeAws.
 */
class LostLeaseOnFakeAwsTest extends OnFullExample {

    @Test
    void aDeployWhoseLockIsTakenStartsNoFurtherStepAndFailsSayingSo() {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        StateBackend backend = StateBackends.open("file://" + dir.resolve(".infra/state"), null);
        // while the database is being created (minutes of virtual time, so the heartbeat renews meanwhile), another run
        // takes the stage's lock; the create call itself is throttled once and retried
        example.fake.faults().failAt("rds:CreateDBCluster", 1, () -> {
            backend.locker("carbon", "dev").forceUnlock();
            backend.locker("carbon", "dev").acquire(new LockInfo("thief", "ci", "elsewhere", "infra deploy", Instant.EPOCH, Instant.EPOCH));
            return FakeAws.error("rds:CreateDBCluster", "Throttling", "Rate exceeded", 400);
        });
        Cli.Result r = example.run("dev", "deploy", "--yes");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("stopped: the lock's lease was lost").contains("steps not started").contains("rerun to resume");
        assertThat(example.fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev", "infra:resource", "erp/service")))
                .as("the services, which wait for the database, never started").isEmpty();
        assertThat(backend.locker("carbon", "dev").current()).as("the thief's lock is left alone").get()
                .extracting(LockInfo::id).isEqualTo("thief");
    }
}

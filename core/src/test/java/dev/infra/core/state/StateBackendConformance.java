package dev.infra.core.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One suite every state backend passes (file, in-memory, S3), with the journal's part in {@link JournalConformance}.
 * Subclasses give a fresh {@link ConditionalStore}; the backend logic on top is shared, so the store's
 * compare-and-set is what is under test.
 */
public abstract class StateBackendConformance extends JournalConformance {
    private static State sample(String lineage, long serial) {
        ResourceState r = new ResourceState("vpc/vpc", "aws.ec2.Vpc", "vpc", "vpc-1", Map.of("cidrBlock", "10.0.0.0/16"),
                Map.of("id", "vpc-1"), List.of(), ResourceStatus.READY, "");
        return new State(State.FORMAT_VERSION, serial, lineage, "carbon", "dev", Map.of(r.address(), r));
    }

    private LockInfo who(String name) {
        return new LockInfo(name + "-id", name, "host-" + name, "infra deploy", clock.instant(), clock.instant());
    }

    @Test
    void readsNothingBeforeTheFirstWriteAndRoundTripsAfter() {
        assertThat(backend.reader("carbon", "dev").read()).isEmpty();
        String v = backend.persister("carbon", "dev").write(sample("L1", 1), null);
        Snapshot s = backend.reader("carbon", "dev").read().orElseThrow();
        assertThat(s.version()).isEqualTo(v);
        assertThat(s.state()).isEqualTo(sample("L1", 1));
        assertThat(backend.reader("carbon", "prod").read()).isEmpty();
    }

    private StateSession stamped(String app, String stage, String by) {
        return StateSession.open(backend, app, stage, () -> new LastChange(clock.instant(), by, "infra deploy", "eu-west-1", false));
    }

    private void deploy(String app, String stage) {
        StateSession s = stamped(app, stage, "alice@laptop");
        s.save(sample("L-" + stage, 0));
    }

    @Test
    void listsTheStagesOfAnAppThatHaveAState() {
        assertThat(backend.stages("carbon")).isEmpty();
        for (String stage : List.of("preview-2", "dev", "preview-10")) deploy("carbon", stage);
        deploy("carbon-other", "dev");
        deploy("carb", "qa");
        backend.locker("carbon", "locked-only").acquire(who("alice"));
        assertThat(backend.stages("carbon")).as("sorted; a lock alone is no stage; other apps, even with a shared prefix, are not listed")
                .containsExactly("dev", "preview-10", "preview-2");
        assertThat(backend.stages("carbon-other")).containsExactly("dev");
    }

    @Test
    void everyWriteRecordsWhoChangedTheStateAndWhen() {
        StateSession first = stamped("carbon", "dev", "alice@laptop");
        first.save(sample("L1", 0));
        clock.advance(Duration.ofDays(3));
        StateSession second = stamped("carbon", "dev", "bob@ci");
        second.save(second.state());
        LastChange recorded = backend.reader("carbon", "dev").read().orElseThrow().state().lastChange();
        assertThat(recorded).isEqualTo(new LastChange(Instant.parse("2026-11-25T10:00:00Z"), "bob@ci", "infra deploy", "eu-west-1", false));
        StateSession unstamped = StateSession.open(backend, "carbon", "dev");
        clock.advance(Duration.ofDays(1));
        unstamped.save(unstamped.state());
        assertThat(backend.reader("carbon", "dev").read().orElseThrow().state().lastChange()).as("a write without a stamp keeps the last one")
                .isEqualTo(recorded);
    }

    @Test
    void anEmptiedStateIsDeletedOnlyAtTheVersionRead() {
        deploy("carbon", "pr-1");
        deploy("carbon", "pr-2");
        StateSession emptied = StateSession.open(backend, "carbon", "pr-1");
        emptied.save(emptied.state().without("vpc/vpc"));
        emptied.delete();
        assertThat(backend.stages("carbon")).containsExactly("pr-2");
        assertThat(backend.reader("carbon", "pr-1").read()).isEmpty();

        StateSession stale = StateSession.open(backend, "carbon", "pr-2");
        StateSession other = StateSession.open(backend, "carbon", "pr-2");
        other.save(other.state());
        assertThatThrownBy(() -> backend.delete("carbon", "pr-2", stale.version())).isInstanceOf(StateConflictException.class);
        assertThat(backend.stages("carbon")).containsExactly("pr-2");
    }

    /** A holder on this host whose process is gone (killed with SIGKILL) is taken over at once, and named. */
    @Test
    void aLockWhoseProcessOnThisHostIsGoneIsTakenOverAtOnce() throws Exception {
        LockInfo dead = holder("killed", "here", deadPid());
        Lock theirs = backend.locker("carbon", "dev").acquire(dead);
        Lock mine = backend.locker("carbon", "dev").acquire(holder("rerun", "here", ProcessHandle.current().pid()));
        assertThat(mine.tookOverFrom()).get().extracting(LockInfo::id).isEqualTo("killed-id");
        assertThat(backend.locker("carbon", "dev").current()).get().extracting(LockInfo::id).isEqualTo("rerun-id");
        theirs.close();
        assertThat(backend.locker("carbon", "dev").current()).as("the dead run's late release leaves the new lock").isPresent();
    }

    /**
     * A live holder here, a dead pid recorded in another process space (another host, or another container sharing
     * this host name) and a holder of unknown pid all keep the lock until the lease ends.
     */
    @Test
    void onlyAHolderProvedDeadInThisProcessSpaceIsTakenOver() throws Exception {
        for (LockInfo holder : List.of(holder("alive", "here", ProcessHandle.current().pid()), holder("remote", "elsewhere", deadPid()),
                holder("old-build", "here", 0))) {
            Lock theirs = backend.locker("carbon", holder.who()).acquire(holder);
            assertThatThrownBy(() -> backend.locker("carbon", holder.who()).acquire(holder("rerun", "here", ProcessHandle.current().pid())))
                    .as(holder.who()).isInstanceOf(LockHeldException.class);
            theirs.close();
        }
    }

    /** A holder recorded in process space {@code space} ("here" for the asker's). */
    private LockInfo holder(String name, String space, long pid) {
        return new LockInfo(name + "-id", name, "host", "infra deploy", clock.instant(), clock.instant(), pid, space);
    }

    /** The id of a process that has ended (pids are not reused at once). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void staleWriteFailsAndOverwritesNothing() {
        StatePersister p = backend.persister("carbon", "dev");
        String v1 = p.write(sample("L1", 1), null);
        p.write(sample("L1", 2), v1);
        assertThatThrownBy(() -> p.write(sample("L1", 99), v1)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> p.write(sample("L1", 99), null)).isInstanceOf(StateConflictException.class);
        assertThat(backend.reader("carbon", "dev").read().orElseThrow().state().serial()).isEqualTo(2);
    }

    @Test
    protected void racingWritersExactlyOneWinsPerVersion() throws Exception {
        StatePersister p = backend.persister("carbon", "dev");
        String v1 = p.write(sample("L1", 1), null);
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long serial = 10 + i;
            writers.add(() -> {
                try {
                    p.write(sample("L1", serial), v1);
                    return true;
                } catch (StateConflictException e) {
                    return false;
                }
            });
        }
        assertThat(race(writers)).containsOnlyOnce(true);
    }

    @Test
    void lockIsExclusiveAndShowsItsHolder() {
        StateLocker locker = backend.locker("carbon", "dev");
        Lock lock = locker.acquire(who("alice"));
        assertThatThrownBy(() -> locker.acquire(who("bob")))
                .isInstanceOfSatisfying(LockHeldException.class, e -> {
                    assertThat(e.holder().who()).isEqualTo("alice");
                    assertThat(e.holder().host()).isEqualTo("host-alice");
                    assertThat(e.getMessage()).contains("alice@host-alice", "infra deploy", "unlock --force");
                });
        assertThat(locker.current().orElseThrow().who()).isEqualTo("alice");
        lock.close();
        assertThat(locker.current()).isEmpty();
        locker.acquire(who("bob")).close();
    }

    @Test
    void onlyAnExpiredLeaseIsTakenOverAndRenewalKeepsItAlive() {
        StateLocker locker = backend.locker("carbon", "dev");
        Lock alice = locker.acquire(who("alice"));
        clock.advance(Duration.ofMinutes(1));
        alice.renew();
        clock.advance(Duration.ofMinutes(1).plusSeconds(30));
        assertThatThrownBy(() -> locker.acquire(who("bob"))).isInstanceOf(LockHeldException.class);
        clock.advance(Duration.ofMinutes(1));
        Lock bob = locker.acquire(who("bob"));
        assertThatThrownBy(alice::renew).isInstanceOf(LockHeldException.class);
        alice.close();
        assertThat(locker.current().orElseThrow().who()).as("alice's release leaves bob's lock").isEqualTo("bob");
        bob.close();
    }

    @Test
    void forceUnlockBreaksAnyLock() {
        StateLocker locker = backend.locker("carbon", "dev");
        locker.acquire(who("alice"));
        locker.forceUnlock();
        assertThat(locker.current()).isEmpty();
        locker.acquire(who("bob")).close();
    }

    @Test
    protected void racingLockersExactlyOneHolds() throws Exception {
        StateLocker locker = backend.locker("carbon", "dev");
        List<Callable<Boolean>> lockers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "u" + i;
            lockers.add(() -> {
                try {
                    locker.acquire(who(name));
                    return true;
                } catch (LockHeldException e) {
                    return false;
                }
            });
        }
        assertThat(race(lockers)).containsOnlyOnce(true);
    }

    static List<Boolean> race(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (Callable<Boolean> t : tasks) fs.add(pool.submit(() -> { go.await(); return t.call(); }));
            go.countDown();
            List<Boolean> out = new ArrayList<>();
            for (Future<Boolean> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

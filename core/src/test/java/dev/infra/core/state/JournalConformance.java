package dev.infra.core.state;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal's part of the backend suite (every backend runs it through {@link StateBackendConformance}): records
 * appended between snapshots read back on the snapshot, are small, fold into a snapshot, and a second writer is
 * refused whether it appends or compacts, before or after the other's compaction.
 */
public abstract class JournalConformance {
    /** A movable clock: lease expiry is tested without sleeping. */
    protected static final class TestClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));

        public void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId z) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    protected TestClock clock;
    protected StateBackend backend;
    protected ConditionalStore store;

    protected abstract ConditionalStore newStore() throws Exception;

    @BeforeEach
    void setUpBackend() throws Exception {
        clock = new TestClock();
        store = newStore();
        backend = new ObjectStateBackend(store, clock, Duration.ofMinutes(2));
    }

    private static ResourceState resource(String name, String payload) {
        return new ResourceState("svc/" + name, "aws.ecs.Service", "svc", "id-" + name, Map.of("payload", payload),
                Map.of("arn", "arn:" + name), List.of(), ResourceStatus.READY, "");
    }

    /** A stored state of {@code count} resources, as a session sees it. */
    private StateSession stored(int count) {
        StateSession s = StateSession.open(backend, "carbon", "dev");
        State st = s.state();
        for (int i = 0; i < count; i++) st = st.with(resource("r" + i, "x".repeat(200)));
        s.save(st);
        return s;
    }

    private List<String> journal() {
        return store.keys("carbon/dev/journal/");
    }

    private State read() {
        return backend.reader("carbon", "dev").read().orElseThrow().state();
    }

    @Test
    void appendedRecordsAreSmallAndReadBackOnTheSnapshot() {
        StateSession s = stored(20);
        String snapshot = store.get("carbon/dev/state.json").orElseThrow().content();
        s.append(s.state().with(resource("new", "n")));
        s.append(s.state().with(resource("r3", "changed")).without("svc/r7"));
        assertThat(journal()).hasSize(2);
        for (String k : journal()) assertThat(store.get(k).orElseThrow().content().length()).as(k).isLessThan(snapshot.length() / 5);
        assertThat(store.get("carbon/dev/state.json").orElseThrow().content()).as("the snapshot is not rewritten").isEqualTo(snapshot);
        Snapshot back = backend.reader("carbon", "dev").read().orElseThrow();
        assertThat(back.state()).isEqualTo(s.state());
        assertThat(back.state().serial()).isEqualTo(3);
        assertThat(back.version()).isEqualTo(s.version());
        assertThat(back.state().resources()).containsKey("svc/new").doesNotContainKey("svc/r7");
    }

    @Test
    void compactionFoldsTheJournalIntoTheSnapshot() {
        StateSession s = stored(3);
        s.append(s.state().with(resource("new", "n")));
        s.compact(null);
        assertThat(journal()).isEmpty();
        assertThat(read()).isEqualTo(s.state());
        assertThat(read().resources()).containsKey("svc/new");
        s.append(s.state().without("svc/new"));
        assertThat(journal()).as("a new journal follows the new snapshot").hasSize(1);
        assertThat(read().resources()).doesNotContainKey("svc/new");
    }

    @Test
    void aJournalPastItsBoundIsCompactedByTheAppend() {
        StateSession s = stored(1);
        String big = "y".repeat((int) StateJournal.MIN_COMPACT_BYTES * 2 / 5);
        for (int i = 0; i < 2; i++) s.append(s.state().with(resource("big" + i, big + i)));
        assertThat(journal()).as("two records fit under the bound").hasSize(2);
        s.append(s.state().with(resource("big2", big + 2)));
        assertThat(journal()).as("the third would pass it: the append wrote a snapshot instead").isEmpty();
        assertThat(read()).isEqualTo(s.state());
    }

    @Test
    void aSecondWriterAppendingAfterTheSameRecordIsRefused() {
        StateSession first = stored(2);
        StateSession second = StateSession.open(backend, "carbon", "dev");
        first.append(first.state().with(resource("mine", "1")));
        assertThatThrownBy(() -> second.append(second.state().with(resource("theirs", "2")))).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> second.save(second.state().with(resource("theirs", "2")))).as("nor may it compact")
                .isInstanceOf(StateConflictException.class);
        assertThat(read().resources()).containsKey("svc/mine").doesNotContainKey("svc/theirs");
        assertThat(read()).isEqualTo(first.state());
    }

    @Test
    protected void racingAppendersExactlyOneWinsPerRecord() throws Exception {
        stored(2);
        List<StateSession> writers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) writers.add(StateSession.open(backend, "carbon", "dev"));
        List<java.util.concurrent.Callable<Boolean>> appends = new java.util.ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            StateSession w = writers.get(i);
            String name = "w" + i;
            appends.add(() -> {
                try {
                    w.append(w.state().with(resource(name, name)));
                    return true;
                } catch (StateConflictException e) {
                    return false;
                }
            });
        }
        List<Boolean> won = StateBackendConformance.race(appends);
        assertThat(won).containsOnlyOnce(true);
        assertThat(read()).isEqualTo(writers.get(won.indexOf(true)).state());
    }

    @Test
    void anAppendAfterAnotherWriterCompactedIsRefused() {
        StateSession stale = stored(2);
        StateSession other = StateSession.open(backend, "carbon", "dev");
        other.append(other.state().with(resource("a", "1")));
        other.compact(null);
        assertThat(journal()).as("the record the stale writer would follow is gone").isEmpty();
        assertThatThrownBy(() -> stale.append(stale.state().with(resource("lost", "2")))).isInstanceOf(StateConflictException.class);
        assertThat(read().resources()).containsKey("svc/a").doesNotContainKey("svc/lost");
        other.append(other.state().with(resource("b", "3")));
        assertThat(read()).as("the stale append left nothing that is read").isEqualTo(other.state());
    }

    @Test
    void aCompactionIsRefusedWhenAnotherWriterAppendedFirst() {
        StateSession first = stored(2);
        first.append(first.state().with(resource("a", "1")));
        StateSession second = StateSession.open(backend, "carbon", "dev");
        second.append(second.state().with(resource("b", "2")));
        assertThatThrownBy(() -> first.compact(null)).isInstanceOf(StateConflictException.class);
        assertThat(read()).isEqualTo(second.state());
        second.compact(null);
        assertThat(read()).isEqualTo(second.state());
        assertThat(journal()).isEmpty();
    }

    /** A compaction that died after sealing the journal: the state reads whole, and the next write completes it. */
    @Test
    void aSealedJournalIsReadWholeAndTheNextWriteCompactsIt() {
        StateSession s = stored(2);
        s.append(s.state().with(resource("a", "1")));
        String record = journal().get(0);
        store.put(record.substring(0, record.lastIndexOf('/') + 1) + "00000002", JournalCodec.seal(2), null);
        StateSession next = StateSession.open(backend, "carbon", "dev");
        assertThat(next.state()).isEqualTo(s.state());
        assertThatThrownBy(() -> s.append(s.state().with(resource("late", "x")))).as("the sealed journal takes no record")
                .isInstanceOf(StateConflictException.class);
        List<String> sealed = journal();
        next.append(next.state().with(resource("b", "2")));
        assertThat(journal()).as("sealed: the write was a snapshot (the old journal waits for the next seal)").isEqualTo(sealed);
        assertThat(read()).isEqualTo(next.state());
        next.seal();
        assertThat(journal()).as("the seal deleted the old journal").hasSize(1).doesNotContainAnyElementsOf(sealed);
        assertThat(read()).isEqualTo(next.state());
    }

    /**
     * A compaction begun early: the seal closes the journal and deletes older ones; the snapshot after it is one
     * request, leaving the journal it replaced (never read again) to the next seal; another writer cannot append after
     * the seal.
     */
    @Test
    void aSealAheadLeavesTheSnapshotOneWriteAndItsJournalToTheNextSeal() {
        StateSession s = stored(2);
        s.append(s.state().with(resource("a", "1")));
        s.compact(null);
        s.append(s.state().with(resource("b", "2")));
        List<String> current = journal();
        assertThat(current).as("the older journal was deleted by its compaction").hasSize(1);
        StateSession racing = StateSession.open(backend, "carbon", "dev");
        s.seal();
        assertThat(journal()).as("one record and the seal").hasSize(2).containsAll(current);
        assertThat(read()).isEqualTo(s.state());
        assertThatThrownBy(() -> racing.append(racing.state().with(resource("late", "x")))).as("no record after the seal")
                .isInstanceOf(StateConflictException.class);
        List<String> sealed = journal();
        s.compact(s.state().with(resource("c", "3")));
        assertThat(read()).isEqualTo(s.state());
        assertThat(journal()).as("left for the next seal").isEqualTo(sealed);
        s.append(s.state().with(resource("d", "4")));
        s.seal();
        assertThat(journal()).hasSize(2).doesNotContainAnyElementsOf(sealed);
        assertThat(read()).isEqualTo(s.state());
    }

    @Test
    void recordsOfAnotherSnapshotAreIgnoredAndCleanedUp() {
        StateSession s = stored(2);
        store.put("carbon/dev/journal/left-by-a-crash/00000001", JournalCodec.delta(1, s.state(), s.state().without("svc/r0")), null);
        assertThat(read()).isEqualTo(s.state());
        s.append(s.state().with(resource("a", "1")));
        s.compact(null);
        assertThat(journal()).isEmpty();
    }

    @Test
    void deletingAJournaledStateDeletesItsJournal() {
        StateSession s = stored(1);
        s.append(s.state().without("svc/r0"));
        s.delete();
        assertThat(backend.reader("carbon", "dev").read()).isEmpty();
        assertThat(store.keys("carbon/dev/")).isEmpty();
        assertThat(backend.stages("carbon")).isEmpty();
    }
}

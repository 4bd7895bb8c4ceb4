package dev.infra.core.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The state of one app and stage on a {@link ConditionalStore}: a snapshot {@code <app>/<stage>/state.json} and,
 * between snapshots, a journal of small records {@code <app>/<stage>/journal/<journal id>/<n>}, one per write, each
 * created only if absent. The snapshot names its journal id, so records of a replaced snapshot are never read.
 * <p>
 * A second writer is refused, never merged: two writers appending after the same record race for the same key, and
 * only one creates it; an append is then checked against the snapshot's version, so one made after someone else
 * replaced the snapshot (and deleted the records it had folded in) fails too. A compaction first appends a seal, so no
 * append can land between the records it read and the snapshot it writes; then it writes the snapshot conditionally,
 * then deletes the old records in bulk. A compaction begun early ({@link #seal}, while the run still waits on other
 * work) deletes the records of older journals with its seal, and the snapshot after it deletes nothing: the journal it
 * replaced is left, never read again, for the next seal to delete. Reading is snapshot + records in order, checked
 * against the snapshot's version after, and read again if it moved.
 */
final class StateJournal {
    /** Records past which an append compacts instead: a read after a crash fetches each one. */
    static final int MAX_RECORDS = 1000;
    /**
     * Journal bytes past which an append compacts: twice the snapshot (so snapshots written cost a bounded multiple
     * of the final state), and never under this floor (a small state is not rewritten mid-run at all: a deploy of
     * 1,000 resources appends about 1 MiB, and a compaction holds every write queued behind it for three requests).
     */
    static final long MIN_COMPACT_BYTES = 4 * 1024 * 1024;

    private final ConditionalStore store;
    private final String stateKey;
    private final String journalRoot;
    private final Supplier<StateConflictException> conflict;
    private final ResourceJson resourceJson = new ResourceJson();

    StateJournal(ConditionalStore store, String dir, Supplier<StateConflictException> conflict) {
        this.store = store;
        this.stateKey = dir + "state.json";
        this.journalRoot = dir + "journal/";
        this.conflict = conflict;
    }

    Optional<Snapshot> read() {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<ConditionalStore.Versioned> snap = store.get(stateKey);
            if (snap.isEmpty()) return Optional.empty();
            Optional<Snapshot> read = withJournal(snap.get());
            if (read.isPresent() && store.version(stateKey).equals(Optional.of(snap.get().version()))) return read;
        }
        throw new StateException("the state in " + store.describe() + " kept changing while it was read; try again");
    }

    /** The snapshot with its records applied; empty when a record went missing under us (a compaction ran). */
    private Optional<Snapshot> withJournal(ConditionalStore.Versioned snap) {
        JsonNode tree = StateCodec.tree(snap.content());
        State state = StateCodec.fromTree(tree);
        String id = StateCodec.journalId(tree);
        int records = 0;
        long journalBytes = 0;
        boolean sealed = false;
        List<String> keys = id.isEmpty() ? List.of() : store.keys(prefix(id));
        for (String key : keys) {
            if (sealed || !key.equals(recordKey(id, records + 1))) return Optional.empty();
            Optional<ConditionalStore.Versioned> rec = store.get(key);
            if (rec.isEmpty()) return Optional.empty();
            JsonNode n = JournalCodec.parse(rec.get().content(), ++records);
            journalBytes += bytes(rec.get().content());
            if (JournalCodec.isSeal(n)) sealed = true;
            else state = JournalCodec.apply(state, n);
        }
        var v = new JournalVersion(snap.version(), id, records, sealed, bytes(snap.content()), journalBytes);
        return Optional.of(new Snapshot(state, v.encode()));
    }

    /** Appends what changed from {@code base} to {@code next}; compacts instead when the journal is past its bound. */
    String append(State base, State next, String expectedVersion) {
        JournalVersion v = JournalVersion.parse(expectedVersion);
        if (v == null || !v.open() || !JournalCodec.follows(base, next)) return write(next, expectedVersion);
        String record = JournalCodec.delta(v.records() + 1, base, next, resourceJson::of);
        long size = bytes(record);
        if (v.records() + 1 > MAX_RECORDS || v.journalBytes() + size > Math.max(2 * v.snapshotBytes(), MIN_COMPACT_BYTES))
            return write(next, expectedVersion);
        create(recordKey(v.journalId(), v.records() + 1), record);
        if (!store.version(stateKey).equals(Optional.of(v.etag()))) throw conflict.get();
        return v.appended(size).encode();
    }

    /**
     * Closes the journal ahead of the snapshot that will replace it (a compaction begun early): no record can follow
     * the seal, so that snapshot needs no seal of its own, and it leaves its clean-up to the next seal, which is this
     * one's: once the seal is checked against the snapshot's version like an append (a seal on a replaced journal
     * fails), the records of every older journal are deleted. A journal closed already, or none, is left as it is.
     */
    String seal(String expectedVersion) {
        JournalVersion v = JournalVersion.parse(expectedVersion);
        if (v == null || !v.open()) return expectedVersion;
        JournalVersion sealed = createSeal(v);
        if (!store.version(stateKey).equals(Optional.of(v.etag()))) throw conflict.get();
        deleteJournalsBut(v.journalId());
        return sealed.encode();
    }

    /**
     * Writes a new snapshot holding {@code state}: seals the journal it replaces (if still open), and deletes that
     * journal after, unless it was sealed ahead ({@link #seal}).
     */
    String write(State state, String expectedVersion) {
        JournalVersion v = JournalVersion.parse(expectedVersion);
        String id = UUID.randomUUID().toString();
        String json = StateCodec.toJson(state, id, resourceJson::of);
        boolean sealedAhead = v != null && v.sealed();
        if (v != null && v.open()) createSeal(v);
        String etag;
        try {
            etag = store.put(stateKey, json, v == null ? null : v.etag());
        } catch (ConditionalStore.PreconditionFailedException e) {
            throw conflict.get();
        }
        if (!sealedAhead) deleteJournalsBut(id);
        return new JournalVersion(etag, id, 0, false, bytes(json), 0).encode();
    }

    /** Deletes the state and its journal, only if it is still at {@code expectedVersion}. */
    void delete(String expectedVersion) {
        Optional<Snapshot> current = read();
        if (current.isEmpty()) return;
        if (!current.get().version().equals(expectedVersion)) throw conflict.get();
        JournalVersion v = JournalVersion.parse(expectedVersion);
        if (v.open()) createSeal(v);
        try {
            store.delete(stateKey, v.etag());
        } catch (ConditionalStore.PreconditionFailedException e) {
            throw conflict.get();
        }
        deleteJournalsBut(null);
    }

    /** Creates the record that closes {@code v}'s journal; returns the version with it. */
    private JournalVersion createSeal(JournalVersion v) {
        String seal = JournalCodec.seal(v.records() + 1);
        create(recordKey(v.journalId(), v.records() + 1), seal);
        return v.sealedWith(bytes(seal));
    }

    private void create(String key, String content) {
        try {
            store.put(key, content, null);
        } catch (ConditionalStore.PreconditionFailedException e) {
            throw conflict.get();
        }
    }

    /** Records of replaced snapshots (and of a crashed run's leftovers): folded in or never valid, so garbage. */
    private void deleteJournalsBut(String keep) {
        try {
            List<String> old = store.keys(journalRoot).stream().filter(k -> keep == null || !k.startsWith(prefix(keep))).toList();
            if (!old.isEmpty()) store.deleteAll(old);
        } catch (RuntimeException leftOver) {
            // the write itself succeeded; records left here are never read, and the next compaction deletes them
        }
    }

    private String prefix(String id) {
        return journalRoot + id + "/";
    }

    private String recordKey(String id, int n) {
        return prefix(id) + String.format("%08d", n);
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

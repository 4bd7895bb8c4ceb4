package dev.infra.core.state;

/**
 * The version of a journaled state, as a {@link Snapshot} carries it and a persister is given it back: the snapshot's
 * store version, its journal id, how many records follow it (and whether the last one seals the journal), and the
 * bytes of the snapshot and of the records, for the compaction bound. Encoded as one opaque string.
 */
record JournalVersion(String etag, String journalId, int records, boolean sealed, long snapshotBytes, long journalBytes) {
    private static final String PREFIX = "j1";

    String encode() {
        return String.join("/", PREFIX, String.valueOf(records), sealed ? "1" : "0", String.valueOf(snapshotBytes),
                String.valueOf(journalBytes), journalId, etag);
    }

    /** The version a caller gave back; null for null (nothing stored yet). */
    static JournalVersion parse(String encoded) {
        if (encoded == null) return null;
        String[] f = encoded.split("/", 7);
        if (f.length != 7 || !f[0].equals(PREFIX)) throw new StateConflictException("unknown state version " + encoded
                + "; read the state again");
        try {
            return new JournalVersion(f[6], f[5], Integer.parseInt(f[1]), f[2].equals("1"), Long.parseLong(f[3]), Long.parseLong(f[4]));
        } catch (NumberFormatException e) {
            throw new StateConflictException("unknown state version " + encoded + "; read the state again");
        }
    }

    JournalVersion appended(long bytes) {
        return new JournalVersion(etag, journalId, records + 1, false, snapshotBytes, journalBytes + bytes);
    }

    /** With a seal record appended: no record may follow. */
    JournalVersion sealedWith(long bytes) {
        return new JournalVersion(etag, journalId, records + 1, true, snapshotBytes, journalBytes + bytes);
    }

    /** Whether records may follow this snapshot: it has a journal id and no seal. */
    boolean open() {
        return !journalId.isEmpty() && !sealed;
    }
}

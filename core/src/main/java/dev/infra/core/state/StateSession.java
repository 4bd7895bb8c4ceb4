package dev.infra.core.state;

import java.util.function.Supplier;

/**
 * The state of one app and stage as a command works on it: the latest state and the backend version it was read
 * at. {@link #save} bumps the serial and writes conditionally, so a concurrent writer makes it fail, never lose
 * data. Thread-safe: the executor saves from several worker threads.
 */
public final class StateSession {
    private final StateBackend backend;
    private final StatePersister persister;
    private final Supplier<LastChange> stamp;
    private State state;
    private String version;
    private boolean journaled;

    private final String app;
    private final String stage;

    private StateSession(StateBackend backend, String app, String stage, State state, String version, Supplier<LastChange> stamp) {
        this.backend = backend;
        this.app = app;
        this.stage = stage;
        this.persister = backend.persister(app, stage);
        this.stamp = stamp;
        this.state = state;
        this.version = version;
    }

    /** Reads the current state (an empty one with a new lineage when none was written yet); writes keep its last change. */
    public static StateSession open(StateBackend backend, String app, String stage) {
        return open(backend, app, stage, null);
    }

    /** As {@link #open(StateBackend, String, String)}, and every write records {@code stamp}'s answer as the last change. */
    public static StateSession open(StateBackend backend, String app, String stage, Supplier<LastChange> stamp) {
        var snapshot = backend.reader(app, stage).read();
        State s = snapshot.map(Snapshot::state).orElseGet(() -> State.empty(app, stage));
        return new StateSession(backend, app, stage, s, snapshot.map(Snapshot::version).orElse(null), stamp);
    }

    public synchronized State state() {
        return state;
    }

    /** The backend version last read or written; null when nothing is stored yet. */
    public synchronized String version() {
        return version;
    }

    /** Writes {@code next} with serial + 1 as a whole snapshot (folding in any journal) and returns what was written. */
    public synchronized State save(State next) {
        State toWrite = stamped(next);
        version = persister.write(toWrite, version);
        state = toWrite;
        journaled = false;
        return toWrite;
    }

    /**
     * Stores {@code next} with serial + 1 as a small record of what changed since the last write (the backend may
     * fold its journal into a new snapshot instead); as conditional as {@link #save}. Returns what was written.
     */
    public synchronized State append(State next) {
        State toWrite = stamped(next);
        version = persister.append(state, toWrite, version);
        state = toWrite;
        journaled = true;
        return toWrite;
    }

    /**
     * Tells the backend that the next store will be a snapshot ({@link #compact}, or an {@link #append} it turns into
     * one): a journal is closed now, while the caller still has other work to wait for, rather than in that write.
     */
    public synchronized void seal() {
        version = persister.seal(version);
    }

    /**
     * Writes one snapshot, folding in the records {@link #append} stored: of {@code unsaved} when not null (changes
     * not stored yet), else of the state as stored; nothing when there is neither a change nor a record.
     */
    public synchronized void compact(State unsaved) {
        if (unsaved != null) save(unsaved);
        else if (journaled) save(state);
    }

    private State stamped(State next) {
        State toWrite = next.withSerial(state.serial() + 1);
        return stamp == null ? toWrite : toWrite.withLastChange(stamp.get());
    }

    /** Applies {@code change} to the latest state and saves it, atomically with respect to other updates. */
    public synchronized State update(java.util.function.UnaryOperator<State> change) {
        return save(change.apply(state));
    }

    /**
     * Deletes the stored state, conditionally on the version last read or written: for a stage whose resources are
     * all gone, so it no longer shows among the app's stages. A later write starts a new state.
     */
    public synchronized void delete() {
        if (!state.resources().isEmpty()) throw new IllegalStateException("state of " + stage + " still holds resources");
        if (version != null) backend.delete(app, stage, version);
        version = null;
        state = State.empty(app, stage);
    }

    /** Before anything is stored: takes the lineage of a plan made against the empty state. */
    public synchronized void adoptLineage(String lineage) {
        if (version != null || state.serial() != 0) throw new IllegalStateException("state already stored");
        state = new State(state.formatVersion(), 0, lineage, state.app(), state.stage(), state.resources(), state.lastChange());
    }
}

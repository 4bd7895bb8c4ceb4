package dev.infra.core.state;

/**
 * The state of one app and stage as a command works on it: the latest state and the backend version it was read
 * at. {@link #save} bumps the serial and writes conditionally, so a concurrent writer makes it fail, never lose
 * data. Thread-safe: the executor saves from several worker threads.
 */
public final class StateSession {
    private final StatePersister persister;
    private State state;
    private String version;

    private StateSession(StatePersister persister, State state, String version) {
        this.persister = persister;
        this.state = state;
        this.version = version;
    }

    /** Reads the current state (an empty one with a new lineage when none was written yet). */
    public static StateSession open(StateBackend backend, String app, String stage) {
        var snapshot = backend.reader(app, stage).read();
        State s = snapshot.map(Snapshot::state).orElseGet(() -> State.empty(app, stage));
        return new StateSession(backend.persister(app, stage), s, snapshot.map(Snapshot::version).orElse(null));
    }

    public synchronized State state() {
        return state;
    }

    /** The backend version last read or written; null when nothing is stored yet. */
    public synchronized String version() {
        return version;
    }

    /** Writes {@code next} with serial + 1 and returns what was written. */
    public synchronized State save(State next) {
        State toWrite = next.withSerial(state.serial() + 1);
        version = persister.write(toWrite, version);
        state = toWrite;
        return toWrite;
    }

    /** Applies {@code change} to the latest state and saves it, atomically with respect to other updates. */
    public synchronized State update(java.util.function.UnaryOperator<State> change) {
        return save(change.apply(state));
    }

    /** Before anything is stored: takes the lineage of a plan made against the empty state. */
    public synchronized void adoptLineage(String lineage) {
        if (version != null || state.serial() != 0) throw new IllegalStateException("state already stored");
        state = new State(state.formatVersion(), 0, lineage, state.app(), state.stage(), state.resources());
    }
}

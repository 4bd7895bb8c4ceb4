package dev.infra.core.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * State backend over a {@link ConditionalStore}: {@code <app>/<stage>/state.json} written compare-and-set on its
 * version, with a journal of appended records between snapshots ({@link StateJournal}); the lock {@code <app>/<stage>/lock.json} created only if absent, renewed and released only if its version
 * is still ours, and taken over only when its lease expired (again compare-and-set, so two contenders cannot both win).
 */
public final class ObjectStateBackend implements StateBackend {
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    private static final String STATE = "state.json";

    private final ConditionalStore store;
    private final Clock clock;
    private final Duration lease;

    public ObjectStateBackend(ConditionalStore store, Clock clock, Duration lease) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
    }

    public ObjectStateBackend(ConditionalStore store) {
        this(store, Clock.systemUTC(), DEFAULT_LEASE);
    }

    static String key(String app, String stage, String file) {
        return app + "/" + stage + "/" + file;
    }

    private StateJournal journal(String app, String stage) {
        return new StateJournal(store, key(app, stage, ""), () -> conflict(app, stage));
    }

    @Override
    public StateReader reader(String app, String stage) {
        return journal(app, stage)::read;
    }

    @Override
    public StatePersister persister(String app, String stage) {
        StateJournal journal = journal(app, stage);
        return new StatePersister() {
            @Override
            public String write(State state, String expectedVersion) {
                return journal.write(state, expectedVersion);
            }

            @Override
            public String append(State base, State state, String expectedVersion) {
                return journal.append(base, state, expectedVersion);
            }

            @Override
            public String seal(String expectedVersion) {
                return journal.seal(expectedVersion);
            }
        };
    }

    @Override
    public List<String> stages(String app) {
        String prefix = app + "/";
        return store.keys(prefix).stream()
                .map(k -> k.substring(prefix.length()))
                .filter(rest -> rest.endsWith("/" + STATE) && rest.indexOf('/') == rest.length() - STATE.length() - 1)
                .map(rest -> rest.substring(0, rest.indexOf('/')))
                .sorted().toList();
    }

    /** Reads the state first (its version includes the journal); some S3-compatible stores also ignore If-Match on DeleteObject. */
    @Override
    public void delete(String app, String stage, String expectedVersion) {
        journal(app, stage).delete(expectedVersion);
    }

    private StateConflictException conflict(String app, String stage) {
        return new StateConflictException("state of " + app + "/" + stage + " in " + store.describe()
                + " was changed by another run; rerun the command to plan against the new state");
    }

    @Override
    public StateLocker locker(String app, String stage) {
        return new LeasedLocker(store, key(app, stage, "lock.json"), app + "/" + stage, clock, lease);
    }

    @Override
    public String describe() {
        return store.describe();
    }

    public Optional<ConditionalStore> store() {
        return Optional.of(store);
    }
}

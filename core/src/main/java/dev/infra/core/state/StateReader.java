package dev.infra.core.state;

import java.util.Optional;

/** Reads the recorded state of one app and stage. */
public interface StateReader {
    /** Empty when no state was ever written. Throws {@link StateException} when it exists but is unreadable. */
    Optional<Snapshot> read();
}

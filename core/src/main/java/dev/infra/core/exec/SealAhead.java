package dev.infra.core.exec;

import dev.infra.core.state.GroupCommit;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Asks the group commit to close its journal ({@link GroupCommit#sealSoon}) as soon as no step can ask for another
 * stored record: each has had its pending record written ahead (a plain create, which then only waits for that write),
 * or has passed the point where its own record is stored, or has ended. What is left to store then goes into the
 * snapshot at the end of the run, which, the journal being closed while the last steps still ran, takes one store
 * request less after the last step. A run whose steps do not all start (a failure, a halt) never seals early.
 */
final class SealAhead {
    private final GroupCommit commits;
    private final Set<String> open;
    private boolean asked;

    SealAhead(GroupCommit commits, Collection<String> stepIds) {
        this.commits = commits;
        this.open = new HashSet<>(stepIds);
        this.asked = open.isEmpty();
    }

    /** Step {@code id} will ask for no stored record of its own any more; called once or more per step. */
    void stored(String id) {
        synchronized (this) {
            if (!open.remove(id) || !open.isEmpty() || asked) return;
            asked = true;
        }
        commits.sealSoon();
    }
}

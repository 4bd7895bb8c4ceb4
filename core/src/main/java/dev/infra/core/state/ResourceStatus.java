package dev.infra.core.state;

/** Where a recorded resource stands. Anything but READY means an operation was interrupted. */
public enum ResourceStatus {
    /** Created (or updated) and confirmed. */
    READY,
    /** A create was started with {@code pendingToken}; on rerun, adopt what it made or create again. */
    PENDING_CREATE,
    /** An update was started; the recorded inputs are the old ones. */
    PENDING_UPDATE,
    /** A delete was started; on rerun, delete again (gone counts as done). */
    PENDING_DELETE
}

package dev.infra.core.state;

import java.time.Instant;

/**
 * Who holds a lock.
 *
 * @param id          random id of this acquisition
 * @param who         user name
 * @param host        host name
 * @param command     the command line that holds it, e.g. {@code infra deploy}
 * @param since       when it was taken
 * @param leaseExpiry when it may be taken over unless renewed
 * @param pid         the holding process's id, 0 when unknown (a lock written by an older build)
 * @param space       where that pid means that process ({@link ProcessSpace}), empty when unknown
 */
public record LockInfo(String id, String who, String host, String command, Instant since, Instant leaseExpiry, long pid,
                       String space) {
    /** A holder whose process is not known. */
    public LockInfo(String id, String who, String host, String command, Instant since, Instant leaseExpiry) {
        this(id, who, host, command, since, leaseExpiry, 0, "");
    }

    public boolean expired(Instant now) {
        return now.isAfter(leaseExpiry);
    }

    /**
     * Whether this holder is a process of {@code here} (the asker's {@link ProcessSpace}) that no longer exists: a run
     * killed with SIGKILL or a crash, whose lock nobody else can be holding for it. A holder in another space (another
     * host, container or boot), or of unknown pid, is never judged dead: only its lease running out (or a forced
     * unlock) frees it.
     */
    public boolean deadIn(String here) {
        return pid > 0 && !space.isEmpty() && space.equals(here) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** The same holder with a new lease expiry. */
    public LockInfo withLease(Instant since, Instant expiry) {
        return new LockInfo(id, who, host, command, since, expiry, pid, space);
    }
}

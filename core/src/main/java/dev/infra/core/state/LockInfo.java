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
 */
public record LockInfo(String id, String who, String host, String command, Instant since, Instant leaseExpiry) {
    public boolean expired(Instant now) {
        return now.isAfter(leaseExpiry);
    }
}

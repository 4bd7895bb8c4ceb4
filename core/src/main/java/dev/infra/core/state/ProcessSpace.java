package dev.infra.core.state;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a process id means one process: the host name, and on Linux also the boot id and the pid namespace. Two
 * CI containers can share a host name (and, on one host, a boot id) while each has its own pid numbering; a lock
 * holder's pid is only judged dead when it was recorded in the same space as the one asking, never across them.
 */
public final class ProcessSpace {
    /** {@link #hostName}, once looked up. */
    private static volatile String host;

    private ProcessSpace() { }

    /** This process's space; the host name alone where /proc is not there (no pid namespaces outside Linux). */
    public static String current() {
        String host = hostName();
        try {
            String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            String pidNamespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            return host + "/" + boot + "/" + pidNamespace;
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            return host;
        }
    }

    /**
     * This machine's host name, as locks and state name who made a change; {@code unknown} when it cannot be told.
     * Looked up once per process: the lookup may wait on DNS, and a command that locks asks for it several times.
     */
    public static String hostName() {
        String h = host;
        if (h == null) host = h = lookUpHostName();
        return h;
    }

    private static String lookUpHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}

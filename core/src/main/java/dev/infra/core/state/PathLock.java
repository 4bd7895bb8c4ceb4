package dev.infra.core.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a guard file: a JVM lock for this process's threads, then an OS file lock for other
 * processes. Locks may be let go in any order (unlike {@code synchronized} blocks). Not reentrant across the OS lock:
 * a thread takes each guard once.
 */
final class PathLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private final ReentrantLock jvm;
    private final FileChannel channel;
    private final FileLock os;

    private PathLock(ReentrantLock jvm, FileChannel channel, FileLock os) {
        this.jvm = jvm;
        this.channel = channel;
        this.os = os;
    }

    static PathLock take(Path guard) {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(guard.toAbsolutePath().normalize(), g -> new ReentrantLock());
        jvm.lock();
        FileChannel ch = null;
        try {
            Files.createDirectories(guard.getParent());
            ch = FileChannel.open(guard, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new PathLock(jvm, ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            jvm.unlock();
            throw new StateException("cannot lock " + guard + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            os.release();
        } catch (IOException ignored) {
            // closing the channel lets go of it too
        } finally {
            closeQuietly(channel);
            jvm.unlock();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing held on a channel that would not close
        }
    }
}

package dev.infra.core.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Time as the executor and providers see it while scheduling, retrying and polling. The system one sleeps for real.
 * A simulated one (the fake AWS's) moves time on only when every thread taking part waits on it, so that ten virtual
 * minutes take no real time and no result depends on how the OS schedules threads. For that it must know which
 * threads take part and when they wait: code that starts threads hands their work over with {@link #handOff}, runs
 * its own coordinating loop under {@link #attend}, and waits for other participants through a {@link #mailbox()}
 * rather than a plain blocking queue. For the system clock all three are plain pass-throughs.
 */
public interface WallClock {
    WallClock SYSTEM = new WallClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }
    };

    Instant now();

    void sleep(Duration d) throws InterruptedException;

    /**
     * Sleeps for {@code d} where an interrupt cannot be passed on as such: it sets the thread's interrupt flag again
     * and ends the wait with an error saying what was being waited for ({@code "interrupted while " + what}).
     */
    default void pause(Duration d, String what) {
        try {
            sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }

    /**
     * Work to run on another thread as a participant: from this call until the returned runnable has finished, time
     * waits for it. Run the returned runnable exactly once.
     */
    default Runnable handOff(Runnable work) {
        return work;
    }

    /** Runs {@code body} on the calling thread as a participant: time waits for it except while it waits on this clock. */
    default <T> T attend(Supplier<T> body) {
        try (Attendance a = join()) {
            return body.get();
        }
    }

    /**
     * Makes the calling thread a participant until the returned attendance is closed, on the same thread: what
     * {@link #attend} does around a body, for a scope that is an object's life (a command holding the stage's lock).
     */
    default Attendance join() {
        return () -> { };
    }

    /** A thread's part in simulated time; closing it (on the thread that joined) ends it. */
    interface Attendance extends AutoCloseable {
        @Override
        void close();
    }

    /** A queue between participants whose {@link Mailbox#take} counts as waiting on this clock. */
    default <T> Mailbox<T> mailbox() {
        return new Mailbox.Blocking<>();
    }

    /** The clock an override on the class path supplies for this config (the fake AWS's), else the system's. */
    static WallClock of(ProviderConfig config) {
        for (ClientOverride o : ServiceLoader.load(ClientOverride.class)) {
            var found = o.find(WallClock.class, config);
            if (found.isPresent()) return found.get();
        }
        return SYSTEM;
    }

    /** Items passed between participants; {@link #take} waits for one. */
    interface Mailbox<T> {
        void put(T item);

        T take() throws InterruptedException;

        /** The plain one, for the system clock. */
        final class Blocking<T> implements Mailbox<T> {
            private final java.util.concurrent.LinkedBlockingQueue<T> queue = new java.util.concurrent.LinkedBlockingQueue<>();

            @Override
            public void put(T item) {
                queue.add(item);
            }

            @Override
            public T take() throws InterruptedException {
                return queue.take();
            }
        }
    }
}

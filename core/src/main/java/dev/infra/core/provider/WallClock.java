package dev.infra.core.provider;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as providers see it while retrying and polling. The system one sleeps for real; the fake AWS supplies a
 * virtual one that advances instantly, so tests of long waits run in milliseconds.
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
}

package dev.infra.bench;

import dev.infra.core.state.ConditionalStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A state store that counts what reaches it (requests, bytes written) and, like S3, takes {@code writeDelay} per
 * write request. Real time: it is a benchmark, not a test.
 */
final class CountingStore implements ConditionalStore {
    private final ConditionalStore delegate;
    private final Duration writeDelay;
    final AtomicLong reads = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    final AtomicLong deletes = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong journalWrites = new AtomicLong();
    final AtomicLong journalBytes = new AtomicLong();

    CountingStore(ConditionalStore delegate, Duration writeDelay) {
        this.delegate = delegate;
        this.writeDelay = writeDelay;
    }

    @Override
    public Optional<Versioned> get(String key) {
        reads.incrementAndGet();
        return delegate.get(key);
    }

    @Override
    public String put(String key, String content, String expectedVersion) {
        long bytes = content.getBytes(StandardCharsets.UTF_8).length;
        writes.incrementAndGet();
        bytesWritten.addAndGet(bytes);
        if (key.contains("/journal/")) {
            journalWrites.incrementAndGet();
            journalBytes.addAndGet(bytes);
        }
        pause();
        return delegate.put(key, content, expectedVersion);
    }

    @Override
    public void delete(String key, String expectedVersion) {
        deletes.incrementAndGet();
        pause();
        delegate.delete(key, expectedVersion);
    }

    @Override
    public Optional<String> version(String key) {
        reads.incrementAndGet();
        return delegate.version(key);
    }

    /** One request per thousand keys, as S3's DeleteObjects. */
    @Override
    public void deleteAll(List<String> keys) {
        for (int i = 0; i < keys.size(); i += 1000) {
            deletes.incrementAndGet();
            pause();
        }
        for (String k : keys) delegate.delete(k, null);
    }

    @Override
    public List<String> keys(String prefix) {
        reads.incrementAndGet();
        return delegate.keys(prefix);
    }

    /** Bytes now stored under {@code prefix} in keys ending with {@code suffix}. */
    long storedBytes(String prefix, String suffix) {
        long sum = 0;
        for (String k : delegate.keys(prefix)) {
            if (!k.endsWith(suffix)) continue;
            sum += delegate.get(k).map(v -> v.content().getBytes(StandardCharsets.UTF_8).length).orElse(0);
        }
        return sum;
    }

    private void pause() {
        try {
            Thread.sleep(writeDelay.toMillis()); // real time: the benchmark simulates S3's write latency
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String describe() {
        return "counting " + delegate.describe();
    }
}

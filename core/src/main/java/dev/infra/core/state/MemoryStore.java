package dev.infra.core.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ConditionalStore} ({@code mem://name}); named instances are shared process-wide. */
public final class MemoryStore implements ConditionalStore {
    private static final Map<String, MemoryStore> NAMED = new ConcurrentHashMap<>();
    private final String name;
    private final Map<String, Versioned> objects = new HashMap<>();
    private long counter;

    public MemoryStore(String name) {
        this.name = name;
    }

    public static MemoryStore named(String name) {
        return NAMED.computeIfAbsent(name, MemoryStore::new);
    }

    @Override
    public synchronized Optional<Versioned> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public synchronized String put(String key, String content, String expectedVersion) {
        check(key, expectedVersion);
        String version = "v" + (++counter);
        objects.put(key, new Versioned(content, version));
        return version;
    }

    @Override
    public synchronized void delete(String key, String expectedVersion) {
        if (expectedVersion != null && objects.containsKey(key)) check(key, expectedVersion);
        objects.remove(key);
    }

    private void check(String key, String expectedVersion) {
        Versioned cur = objects.get(key);
        String actual = cur == null ? null : cur.version();
        if (!java.util.Objects.equals(actual, expectedVersion)) throw new PreconditionFailedException(key);
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }

    @Override
    public String describe() {
        return "mem://" + name;
    }
}

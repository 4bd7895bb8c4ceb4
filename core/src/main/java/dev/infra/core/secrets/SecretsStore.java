package dev.infra.core.secrets;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secret values per app and stage (SSM Parameter Store SecureString in the providers module). Values pass
 * through here only; nothing in core logs, records or prints them.
 */
public interface SecretsStore {
    void put(String name, SecretValue value);

    Optional<SecretValue> get(String name);

    /** Names with their last change, never values. */
    List<SecretInfo> list();

    void remove(String name);

    /** The values of those names that are set (one batched read where the store allows). */
    default Map<String, SecretValue> getAll(Collection<String> names) {
        Map<String, SecretValue> out = new LinkedHashMap<>();
        for (String n : names) get(n).ifPresent(v -> out.put(n, v));
        return out;
    }

    record SecretInfo(String name, Instant lastModified) { }
}

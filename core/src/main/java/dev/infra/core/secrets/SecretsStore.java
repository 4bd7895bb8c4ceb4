package dev.infra.core.secrets;

import java.time.Instant;
import java.util.List;
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

    /** Where a secret lives (its parameter ARN), for valueFrom. */
    String reference(String name);

    record SecretInfo(String name, Instant lastModified) { }
}

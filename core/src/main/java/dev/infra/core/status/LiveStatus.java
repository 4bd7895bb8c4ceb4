package dev.infra.core.status;

import java.util.List;

/** The live status of one resource; {@link #problems()} says what keeps it from being steady and healthy. */
public sealed interface LiveStatus permits ServiceStatus, DatabaseStatus {
    String address();

    List<String> problems();

    default boolean healthy() {
        return problems().isEmpty();
    }
}

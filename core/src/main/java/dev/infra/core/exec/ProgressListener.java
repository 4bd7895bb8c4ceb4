package dev.infra.core.exec;

/** Receives progress events; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = e -> { };

    void onEvent(ProgressEvent event);
}

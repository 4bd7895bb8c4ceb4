package dev.infra.core.state;

/** A state as read, with the backend's version of it (ETag, file hash) for a conditional write. */
public record Snapshot(State state, String version) { }

package dev.infra.core.provider;

/** Which app, stage and region an operation is for. */
public record StageContext(String app, String stage, String region, boolean protect) { }

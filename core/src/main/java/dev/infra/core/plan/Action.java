package dev.infra.core.plan;

/** What the plan does to one resource. */
public enum Action { CREATE, UPDATE, REPLACE, DELETE, NOOP }

package dev.infra.core.diag;

public enum Severity { ERROR, WARNING }

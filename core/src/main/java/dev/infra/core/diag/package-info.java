/**
 * Diagnostics: every user-facing problem is a {@link dev.infra.core.diag.Diagnostic} (severity, YAML path,
 * file:line:col, summary, hint); passes collect them in {@link dev.infra.core.diag.Diagnostics} and report all
 * together. Expected failures are {@link dev.infra.core.diag.InfraException}s carrying an
 * {@link dev.infra.core.diag.ExitCode}; nothing else decides exit codes.
 */
package dev.infra.core.diag;

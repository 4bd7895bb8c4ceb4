package dev.infra.core.state;

import java.time.Instant;

/**
 * Who last wrote a stage's state, and when: recorded in the state on every write, so {@code infra stages} and
 * {@code remove --older-than} read it from the state store alone.
 *
 * @param at      when the write happened (the writing command's clock)
 * @param by      user@host of the writer
 * @param command the command that wrote, e.g. {@code infra deploy}
 * @param region  the stage's region as that command resolved it
 * @param protect whether the stage was protected for that command
 */
public record LastChange(Instant at, String by, String command, String region, boolean protect) { }

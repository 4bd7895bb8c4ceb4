package dev.infra.core.exec;

import java.util.Optional;

/**
 * Why an apply must start no more steps, asked before each one: the stage's lock lease was lost (its heartbeat
 * could not renew it), so another run may be taking over the stage.
 */
@FunctionalInterface
public interface Halt {
    Halt NONE = Optional::empty;

    Optional<String> reason();
}

package dev.infra.core.component;

import dev.infra.core.model.AppConfig;

/** Components → concrete resources → graph. SKELETON: the components work replaces this body. */
public final class Expander {
    private Expander() { }

    /** @throws dev.infra.core.diag.InvalidInputException on a dependency cycle (naming it and where) */
    public static DesiredApp expand(AppConfig config) {
        throw new IllegalStateException("skeleton");
    }
}

package dev.infra.providers.aws;

import dev.infra.core.component.Naming;
import dev.infra.core.provider.StageContext;

/**
 * The start of every physical name of a stage ({@link Naming#stagePrefix}), for narrowing a read that lists by name:
 * a hint only; what it finds is proven the stage's by its own tags.
 */
public final class StageNames {
    private StageNames() { }

    /** For names AWS allows up to {@code maxLength} characters ({@link Naming#DEFAULT}, {@link Naming#ALB}, ...). */
    public static String prefix(StageContext stage, int maxLength) {
        return Naming.stagePrefix(stage.app(), stage.stage(), maxLength);
    }

    /** For names up to {@link Naming#DEFAULT} characters. */
    public static String prefix(StageContext stage) {
        return prefix(stage, Naming.DEFAULT);
    }
}

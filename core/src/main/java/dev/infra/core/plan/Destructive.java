package dev.infra.core.plan;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;

/** Which changes take a resource away (a delete, or the delete half of a replacement), and which of those lose data. */
public final class Destructive {
    private Destructive() { }

    public static boolean of(Change c) {
        return c.action() == Action.DELETE || c.action() == Action.REPLACE;
    }

    /** A delete or replacement of a stateful type (a database, a log group, an image repository). */
    public static boolean losesData(Change c) {
        return of(c) && ResourceTypes.find(c.type()).map(ResourceSchema::stateful).orElse(false);
    }
}

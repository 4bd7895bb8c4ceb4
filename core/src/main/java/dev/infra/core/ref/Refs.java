package dev.infra.core.ref;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Walks input values (maps, lists, scalars, {@link Ref}, {@link Concat}) to find the refs they hold. */
public final class Refs {
    private Refs() { }

    /** The addresses every Ref inside {@code value} points at, sorted. */
    public static Set<String> addresses(Object value) {
        Set<String> out = new TreeSet<>();
        forEach(value, r -> out.add(r.address()));
        return out;
    }

    public static void forEach(Object value, Consumer<Ref> action) {
        if (value instanceof Ref r) action.accept(r);
        else if (value instanceof Concat c) c.parts().forEach(p -> forEach(p, action));
        else if (value instanceof Map<?, ?> m) m.values().forEach(v -> forEach(v, action));
        else if (value instanceof List<?> l) l.forEach(v -> forEach(v, action));
    }
}

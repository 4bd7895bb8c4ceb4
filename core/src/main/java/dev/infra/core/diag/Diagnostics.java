package dev.infra.core.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every diagnostic of a pass so they can be reported together. Not thread-safe. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void error(String path, Pos pos, String summary, String hint) {
        add(Diagnostic.error(path, pos, summary, hint));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Sorted by file position, then path. */
    public List<Diagnostic> all() {
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.pos().line())
                .thenComparingInt(d -> d.pos().col()).thenComparing(Diagnostic::path));
        return List.copyOf(sorted);
    }

    /** Throws {@link InvalidInputException} holding every error, if there is any. */
    public void throwIfErrors() {
        if (hasErrors()) throw new InvalidInputException(all());
    }
}

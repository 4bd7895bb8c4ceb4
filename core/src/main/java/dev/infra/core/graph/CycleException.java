package dev.infra.core.graph;

import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;

import java.util.List;

/** The graph has a cycle; {@link #cycle()} lists it, first node repeated at the end. */
public class CycleException extends InfraException {
    private final List<String> cycle;

    public CycleException(List<String> cycle) {
        super(ExitCode.INVALID_INPUT, "dependency cycle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    public List<String> cycle() {
        return cycle;
    }
}

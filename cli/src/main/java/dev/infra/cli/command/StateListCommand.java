package dev.infra.cli.command;

import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "list", description = "Recorded resources: address, type, status, physical id.",
        footerHeading = "%nExample:%n", footer = "  infra state list --stage prod --json")
public final class StateListCommand extends BaseCommand {
    public StateListCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        State s = ctx().readState();
        if (global.json) {
            List<Map<String, Object>> rows = s.resources().values().stream().map(StateListCommand::row).toList();
            io.out().println(Json.of(Map.of("serial", s.serial(), "lineage", s.lineage(), "resources", rows)));
            return 0;
        }
        for (ResourceState r : s.resources().values())
            io.out().printf("%-40s %-32s %-15s %s%n", r.address(), r.type(), r.status().name().toLowerCase(), r.physicalId());
        human().println(s.resources().size() + " resources, serial " + s.serial());
        return 0;
    }

    static Map<String, Object> row(ResourceState r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        m.put("type", r.type());
        m.put("status", r.status().name().toLowerCase());
        m.put("physicalId", r.physicalId());
        return m;
    }
}

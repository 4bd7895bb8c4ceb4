package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.core.plan.Unknown;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;
import picocli.CommandLine.Command;

import java.util.Map;
import java.util.TreeMap;

@Command(name = "outputs", description = "URLs, endpoints and ids of the stage.",
        footerHeading = "%nExample:%n", footer = "  infra outputs --stage prod --json")
public final class OutputsCommand extends BaseCommand {
    public OutputsCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        State state = ctx().readState();
        Map<String, Object> values = new TreeMap<>();
        ctx().desired().outputs().forEach((k, v) -> {
            Object resolved = Resolver.resolve(v, ref -> {
                ResourceState r = state.resources().get(ref.address());
                Object o = r == null ? null : r.outputs().get(ref.attribute());
                return o == null ? Unknown.VALUE : o;
            });
            if (resolved != Unknown.VALUE && !Resolver.hasUnknown(resolved) && !"".equals(resolved)) values.put(k, resolved);
        });
        if (global.json) {
            io.out().println(Json.of(values));
            return 0;
        }
        if (values.isEmpty()) human().println("No outputs yet: stage " + ctx().config().stage() + " is not deployed.");
        values.forEach((k, v) -> human().println(k + " = " + v));
        return 0;
    }
}

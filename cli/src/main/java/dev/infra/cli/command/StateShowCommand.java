package dev.infra.cli.command;

import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.plan.PlanJson;
import dev.infra.core.state.ResourceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "show", description = "One recorded resource with its inputs and outputs.",
        footerHeading = "%nExample:%n", footer = "  infra state show web/taskDefinition --stage prod")
public final class StateShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "address, e.g. erp/service")
    String address;

    public StateShowCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        ResourceState r = ctx().readState()
                .resource(address).orElseThrow(() -> new InvalidInputException("no resource " + address + " in the state of stage "
                        + ctx().config().stage() + "; see infra state list"));
        Map<String, Object> m = new LinkedHashMap<>(StateListCommand.row(r));
        m.put("component", r.component());
        m.put("dependencies", r.dependencies());
        m.put("inputs", r.inputs());
        m.put("outputs", r.outputs());
        io.out().println(Json.of(m));
        return 0;
    }
}

package dev.infra.cli.command;

import dev.infra.cli.stage.StageOutputs;
import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import picocli.CommandLine.Command;

import java.util.Map;

@Command(name = "outputs", description = "URLs, endpoints and ids of the stage.",
        footerHeading = "%nExample:%n", footer = "  infra outputs --stage prod --json")
public final class OutputsCommand extends BaseCommand {
    public OutputsCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        Map<String, Object> values = StageOutputs.resolve(ctx(), ctx().readState());
        if (global.json) {
            io.out().println(Json.of(values));
            return 0;
        }
        if (values.isEmpty()) human().println("No outputs yet: stage " + ctx().config().stage() + " is not deployed.");
        values.forEach((k, v) -> human().println(k + " = " + v));
        return 0;
    }
}

package dev.infra.cli.command;

import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import dev.infra.core.component.DesiredApp;
import picocli.CommandLine.Command;

import java.util.Map;

@Command(name = "validate", description = "Parse and check infra.yaml for the stage; no AWS call.",
        footerHeading = "%nExample:%n", footer = "  infra validate --stage prod")
public final class ValidateCommand extends BaseCommand {
    public ValidateCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        DesiredApp app = ctx().desired();
        human().println(ctx().file().getFileName() + " is valid for stage " + app.config().stage() + " (" + app.config().region()
                + "): " + app.config().resources().size() + " components, " + app.resources().size() + " resources");
        if (global.json) io.out().println(Json.of(Map.of("valid", true, "stage", app.config().stage(),
                "components", app.config().resources().size(), "resources", app.resources().size())));
        return 0;
    }
}

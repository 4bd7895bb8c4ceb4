package dev.infra.cli.command;

import dev.infra.cli.Io;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove", description = "Delete a secret.",
        footerHeading = "%nExample:%n", footer = "  infra secrets remove OLD_TOKEN --stage dev")
public final class SecretsRemoveCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    public SecretsRemoveCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        ctx().secrets().remove(name);
        human().println("Removed " + name + " from stage " + ctx().config().stage() + ".");
        return 0;
    }
}

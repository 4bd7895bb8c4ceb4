package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Print a secret's value on stdout.",
        footerHeading = "%nExample:%n", footer = "  infra secrets get STRIPE_SECRET_KEY --stage prod")
public final class SecretsGetCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    public SecretsGetCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        String v = ctx().secrets().get(name).orElseThrow(() -> new InvalidInputException("secret " + name + " is not set for stage "
                + ctx().config().stage())).reveal();
        io.out().println(v);
        return 0;
    }
}

package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.cli.LockedStage;
import dev.infra.core.diag.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "forget", description = "Drop a resource from state without touching AWS.",
        footerHeading = "%nExample:%n", footer = "  infra state forget web/service --stage dev")
public final class StateForgetCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "address, e.g. erp/service")
    String address;

    public StateForgetCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        try (LockedStage locked = ctx().lock("infra state forget")) {
            if (locked.session().state().resource(address).isEmpty())
                throw new InvalidInputException("no resource " + address + " in the state; see infra state list");
            locked.session().update(s -> s.without(address));
            human().println("Forgot " + address + "; it is left in AWS as it is.");
            return 0;
        }
    }
}

package dev.infra.cli.command;

import picocli.CommandLine.Command;

@Command(name = "state", description = "Inspect and repair recorded state.",
        subcommands = {StateListCommand.class, StateShowCommand.class, StateLockCommand.class, StateUnlockCommand.class,
                StateImportCommand.class, StateForgetCommand.class},
        footerHeading = "%nExample:%n", footer = "  infra state list --stage prod")
public final class StateCommand extends GroupCommand {
}

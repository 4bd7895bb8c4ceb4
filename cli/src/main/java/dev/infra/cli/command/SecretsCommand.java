package dev.infra.cli.command;

import picocli.CommandLine.Command;

@Command(name = "secrets", description = "Secret values of the stage (SSM SecureString); values are never printed except by get.",
        subcommands = {SecretsSetCommand.class, SecretsGetCommand.class, SecretsListCommand.class, SecretsRemoveCommand.class,
                SecretsLoadCommand.class},
        footerHeading = "%nExample:%n", footer = "  infra secrets list --stage prod")
public final class SecretsCommand extends GroupCommand {
}

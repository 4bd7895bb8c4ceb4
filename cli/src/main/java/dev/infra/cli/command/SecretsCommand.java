package dev.infra.cli.command;

import picocli.CommandLine.Command;

@Command(name = "secrets", description = "Secret values of the stage (SSM SecureString); values are never printed except by get.",
        subcommands = {SecretsSetCommand.class, SecretsGetCommand.class, SecretsListCommand.class, SecretsRemoveCommand.class,
                SecretsLoadCommand.class})
public final class SecretsCommand {
}

package dev.infra.cli;

import dev.infra.cli.command.CompletionCommand;
import dev.infra.cli.command.DeployCommand;
import dev.infra.cli.command.DiffCommand;
import dev.infra.cli.command.InitCommand;
import dev.infra.cli.command.LogsCommand;
import dev.infra.cli.command.OutputsCommand;
import dev.infra.cli.command.PolicyCommand;
import dev.infra.cli.command.RefreshCommand;
import dev.infra.cli.command.RemoveCommand;
import dev.infra.cli.command.SchemaCommand;
import dev.infra.cli.command.SecretsCommand;
import dev.infra.cli.command.StagesCommand;
import dev.infra.cli.command.StatusCommand;
import dev.infra.cli.command.StateCommand;
import dev.infra.cli.command.ValidateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "infra", mixinStandardHelpOptions = true, version = "infra " + InfraCommand.VERSION,
        description = "Deploy whole applications to AWS from one infra.yaml.",
        subcommands = {ValidateCommand.class, DiffCommand.class, DeployCommand.class, RemoveCommand.class, OutputsCommand.class,
                RefreshCommand.class, StatusCommand.class, LogsCommand.class, StagesCommand.class, SecretsCommand.class, StateCommand.class, InitCommand.class, SchemaCommand.class,
                PolicyCommand.class, CompletionCommand.class},
        footerHeading = "%nExample:%n",
        footer = {"  infra diff --stage dev", "", "Exit codes: 0 ok, 1 failure, 2 bad input or usage, 3 lock held, 4 changes pending (diff --detailed-exitcode),",
                "5 state conflict, 6 no provider (or no Docker engine) for a resource type,",
                "7 not steady or healthy (status), 130 interrupted."})
public final class InfraCommand {
    public static final String VERSION = "0.1.0";

    @Mixin
    public GlobalOptions global;
}

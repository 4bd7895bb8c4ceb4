package dev.infra.cli.command;

import dev.infra.cli.HelpOption;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A command that only groups subcommands ({@code infra state}): without one it names them and exits 2. */
abstract class GroupCommand implements Callable<Integer> {
    @Mixin
    public HelpOption help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: " + spec.qualifiedName() + " needs a subcommand: "
                + String.join(", ", spec.subcommands().keySet()) + " (see " + spec.qualifiedName() + " --help)");
        return dev.infra.core.diag.ExitCode.INVALID_INPUT.code();
    }
}

package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = "Print a shell completion script: infra completion bash|zsh.",
        footerHeading = "%nExample:%n", footer = "  infra completion bash > /etc/bash_completion.d/infra")
public final class CompletionCommand extends BaseCommand {
    @Parameters(index = "0", description = "bash or zsh")
    String shell;

    public CompletionCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        if (!shell.equals("bash") && !shell.equals("zsh")) throw new InvalidInputException("completion: expected bash or zsh, got " + shell);
        String script = AutoComplete.bash("infra", spec.root().commandLine());
        if (shell.equals("zsh")) io.out().println("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit");
        io.out().print(script);
        return 0;
    }
}

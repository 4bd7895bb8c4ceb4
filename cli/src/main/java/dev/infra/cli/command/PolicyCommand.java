package dev.infra.cli.command;

import dev.infra.cli.stage.StagePolicy;
import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

@Command(name = "policy", description = "Print the IAM policy (JSON) a CI role needs to run diff, deploy or remove for this app and stage.",
        footerHeading = "%nExamples:%n", footer = {"  infra policy --stage prod", "  infra policy --stage pr-42 --for diff"})
public final class PolicyCommand extends BaseCommand {
    @Option(names = "--for", defaultValue = "deploy", description = "diff, deploy or remove (default: ${DEFAULT-VALUE})")
    String command = "deploy";

    public PolicyCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        StagePolicy.Mode mode = switch (command.toLowerCase(Locale.ROOT)) {
            case "diff" -> StagePolicy.Mode.DIFF;
            case "deploy" -> StagePolicy.Mode.DEPLOY;
            case "remove" -> StagePolicy.Mode.REMOVE;
            default -> throw new InvalidInputException("--for takes diff, deploy or remove, not '" + command + "'");
        };
        var c = ctx().config();
        io.out().println(Json.of(StagePolicy.of(c.app(), c.stage(), c.region(), mode, ctx().stateUrl())));
        return 0;
    }
}

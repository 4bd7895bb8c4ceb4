package dev.infra.cli.command;

import dev.infra.cli.secrets.SecretNames;
import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.secrets.SecretValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;

@Command(name = "set", description = "Set a secret; the value is read from stdin when omitted.",
        footerHeading = "%nExample:%n", footer = "  printf %%s \"$TOKEN\" | infra secrets set API_TOKEN --stage prod")
public final class SecretsSetCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "VALUE", arity = "0..1")
    String value;

    public SecretsSetCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws Exception {
        SecretNames.check(ctx(), name);
        String v = value != null ? value : stripNewline(new String(io.in().readAllBytes(), StandardCharsets.UTF_8));
        if (v.isEmpty()) throw new InvalidInputException("secret " + name + ": empty value");
        ctx().secrets().put(name, new SecretValue(v));
        human().println("Set " + name + " for stage " + ctx().config().stage() + ".");
        return 0;
    }

    private static String stripNewline(String s) {
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}

package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.secrets.DotEnv;
import dev.infra.core.secrets.SecretValue;
import dev.infra.core.secrets.SecretsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

@Command(name = "load", description = "Set many secrets from a .env file; prints the names set, never values.")
public final class SecretsLoadCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    public SecretsLoadCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws Exception {
        Path path = io.resolve(file);
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file " + file);
        }
        Map<String, SecretValue> values = DotEnv.parse(text, file);
        values.keySet().forEach(n -> SecretNames.check(ctx(), n));
        SecretsStore store = ctx().secrets();
        values.forEach(store::put);
        human().println("Set " + values.size() + " secrets for stage " + ctx().config().stage() + ": " + String.join(", ", values.keySet()));
        return 0;
    }
}

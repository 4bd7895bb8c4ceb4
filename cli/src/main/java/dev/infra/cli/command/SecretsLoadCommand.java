package dev.infra.cli.command;

import dev.infra.cli.secrets.SecretNames;
import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.secrets.DotEnv;
import dev.infra.core.secrets.SecretValue;
import dev.infra.core.secrets.SecretsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets the secrets of a .env file. The whole file is checked first (syntax, names, empty values); any problem sets
 * nothing. Unchanged values are not written again. Prints names and what happened to each, never values.
 */
@Command(name = "load", description = "Set many secrets from a .env file; prints the names set, never values.",
        footerHeading = "%nExample:%n", footer = "  infra secrets load .env --stage dev --dry-run")
public final class SecretsLoadCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Option(names = "--dry-run", description = "show which secrets would be created or changed; write nothing")
    boolean dryRun;

    public SecretsLoadCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws Exception {
        String text;
        try {
            text = Files.readString(io.resolve(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file " + file);
        }
        Map<String, SecretValue> values = DotEnv.parse(text, file);
        SecretNames.checkAll(ctx(), values.keySet());
        List<String> empty = values.entrySet().stream().filter(e -> e.getValue().reveal().isEmpty()).map(Map.Entry::getKey).toList();
        if (!empty.isEmpty()) throw new InvalidInputException(file + ": empty values cannot be stored as SecureString: "
                + String.join(", ", empty) + "; nothing was set");
        SecretsStore store = ctx().secrets();
        Map<String, SecretValue> current = store.getAll(values.keySet());
        List<String> create = new ArrayList<>();
        List<String> change = new ArrayList<>();
        List<String> same = new ArrayList<>();
        values.forEach((n, v) -> (!current.containsKey(n) ? create : current.get(n).equals(v) ? same : change).add(n));
        if (!dryRun) {
            for (String n : create) store.put(n, values.get(n));
            for (String n : change) store.put(n, values.get(n));
        }
        report(create, change, same);
        return 0;
    }

    private void report(List<String> create, List<String> change, List<String> same) {
        String stage = ctx().config().stage();
        String verb = dryRun ? "would be " : "";
        if (!create.isEmpty()) human().println(verb + "created (" + create.size() + "): " + String.join(", ", create));
        if (!change.isEmpty()) human().println(verb + "changed (" + change.size() + "): " + String.join(", ", change));
        if (!same.isEmpty()) human().println("unchanged (" + same.size() + "): " + String.join(", ", same));
        human().println((dryRun ? "Dry run: nothing was written for stage " : "Loaded " + (create.size() + change.size()) + " secrets for stage ")
                + stage + ".");
    }
}

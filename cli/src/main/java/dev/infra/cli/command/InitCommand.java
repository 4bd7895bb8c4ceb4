package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.templates.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "init", description = "Write a starter infra.yaml from a template (web, web-db, full).",
        footerHeading = "%nExample:%n", footer = "  infra init --template web-db --app shop")
public final class InitCommand extends BaseCommand {
    @Option(names = "--template", defaultValue = Templates.DEFAULT, description = "web, web-db or full (default: ${DEFAULT-VALUE})")
    String template;

    @Option(names = "--app", description = "app name (default: the directory's name)")
    String app;

    public InitCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws Exception {
        Path file = ctx().file();
        if (Files.exists(file)) throw new InvalidInputException(file + " already exists; not overwritten");
        String name = app != null ? app : appName(file.toAbsolutePath().getParent());
        String text = Templates.render(template, name).orElseThrow(() -> new InvalidInputException(
                "unknown template '" + template + "'; choose one of " + String.join(", ", Templates.NAMES)));
        Files.writeString(file, text);
        human().println("Wrote " + file + " (template " + template + ", app " + name + "). Next: infra diff --stage dev");
        Path ignore = file.toAbsolutePath().resolveSibling(".dockerignore");
        if (!Files.exists(ignore)) {
            Files.writeString(ignore, DOCKERIGNORE);
            human().println("Wrote " + ignore.getFileName() + " (keeps .env files, infra's state and .git out of image builds)");
        }
        return 0;
    }

    /** The templates build from the app's directory, where `infra secrets load .env` suggests keeping a .env file. */
    static final String DOCKERIGNORE = """
            # Written by infra init: never send secrets, infra's local state or VCS data to an image build.
            .env
            .env.*
            .infra/
            .git/
            """;

    static String appName(Path dir) {
        String raw = dir == null || dir.getFileName() == null ? "app" : dir.getFileName().toString();
        String clean = raw.toLowerCase().replaceAll("[^a-z0-9-]", "-").replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
        return clean.isEmpty() ? "app" : clean.length() > 20 ? clean.substring(0, 20).replaceAll("-+$", "") : clean;
    }
}

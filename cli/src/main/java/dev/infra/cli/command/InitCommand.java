package dev.infra.cli.command;

import dev.infra.cli.init.StarterDockerfile;
import dev.infra.cli.Io;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.templates.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

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
        human().println("Wrote " + file + " (template " + template + ", app " + name + ")");
        Path dir = file.toAbsolutePath().getParent();
        Path ignore = dir.resolve(".dockerignore");
        if (!Files.exists(ignore)) {
            Files.writeString(ignore, DOCKERIGNORE);
            human().println("Wrote .dockerignore (keeps .env files, infra's state and .git out of image builds)");
        }
        Map<String, Object> yaml = new Yaml().load(text);
        writeDockerfiles(dir, yaml);
        explainState(yaml);
        return 0;
    }

    private void writeDockerfiles(Path dir, Map<String, Object> yaml) throws IOException {
        for (Map.Entry<Path, StarterDockerfile.Needs> e : StarterDockerfile.needs(yaml).entrySet()) {
            Path dockerfile = dir.resolve(e.getKey()).normalize();
            if (Files.exists(dockerfile)) continue;
            Files.createDirectories(dockerfile.getParent());
            Files.writeString(dockerfile, StarterDockerfile.text(e.getValue()));
            human().println("Wrote " + dir.relativize(dockerfile) + ": a placeholder web server on port(s) "
                    + e.getValue().ports().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "; replace it with your app's build, or set image: \"REGISTRY/NAME:TAG\" on the services to deploy an image you publish");
        }
    }

    /** Where the state will live, and the offline form of the next command when that needs AWS. */
    private void explainState(Map<String, Object> yaml) {
        Object state = yaml.get("state");
        if (state != null && String.valueOf(state).startsWith("file://")) {
            human().println("State: " + state + " (local files). Next: infra diff --stage dev");
            return;
        }
        human().println("State: " + (state == null ? "the default S3 bucket infra-state-ACCOUNT-REGION, created on first use" : state)
                + "; reading it needs AWS credentials (AWS_PROFILE, or --profile). Add 'state: s3://BUCKET/PREFIX' to choose another.");
        human().println("Next: infra diff --stage dev " + OFFLINE_STATE + "   (a first look offline, state in local files; "
                + "with credentials: infra diff --stage dev, then infra deploy --stage dev)");
    }

    /** Local state in the app's directory, which the .dockerignore above keeps out of image builds. */
    static final String OFFLINE_STATE = "--state file://.infra/state";

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

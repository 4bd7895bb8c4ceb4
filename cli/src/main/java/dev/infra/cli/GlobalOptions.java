package dev.infra.cli;

import picocli.CommandLine.Option;

/** The options every command takes (cli.md: global options). */
public final class GlobalOptions {
    @Option(names = {"-f", "--file"}, defaultValue = "infra.yaml", description = "app definition (default: ${DEFAULT-VALUE})")
    public String file;

    @Option(names = "--stage", description = "stage (default: $INFRA_STAGE, else dev)")
    public String stage;

    @Option(names = "--profile", defaultValue = "", description = "AWS profile")
    public String profile;

    @Option(names = "--region", defaultValue = "", description = "AWS region (overrides infra.yaml)")
    public String region;

    @Option(names = "--endpoint", defaultValue = "", description = "AWS endpoint override (also AWS_ENDPOINT_URL)")
    public String endpoint;

    @Option(names = "--state", defaultValue = "", description = "state backend URL (overrides state:)")
    public String state;

    @Option(names = "--json", description = "machine output on stdout, human text on stderr")
    public boolean json;

    @Option(names = "--no-color", description = "no ANSI colours (also NO_COLOR)")
    public boolean noColor;

    @Option(names = {"-v", "--verbose"}, description = "every AWS call with request id and duration; stack traces")
    public boolean verbose;

    public String stage(Io io) {
        if (stage != null && !stage.isBlank()) return stage;
        String env = io.env().get("INFRA_STAGE");
        return env == null || env.isBlank() ? "dev" : env;
    }

    public String endpoint(Io io) {
        if (!endpoint.isBlank()) return endpoint;
        return io.env().getOrDefault("AWS_ENDPOINT_URL", "");
    }

    public boolean color(Io io) {
        return !noColor && !io.env().containsKey("NO_COLOR") && io.tty();
    }

    /** A copy of these options for another stage. */
    public GlobalOptions withStage(String other) {
        GlobalOptions o = new GlobalOptions();
        o.file = file;
        o.stage = other;
        o.profile = profile;
        o.region = region;
        o.endpoint = endpoint;
        o.state = state;
        o.json = json;
        o.noColor = noColor;
        o.verbose = verbose;
        return o;
    }

    /** Options given before the command name ({@code infra --stage prod diff}) fill those not given after it. */
    public void inheritFrom(GlobalOptions root) {
        if (root == null || root == this) return;
        if ("infra.yaml".equals(file)) file = root.file;
        if (stage == null) stage = root.stage;
        if (profile.isEmpty()) profile = root.profile;
        if (region.isEmpty()) region = root.region;
        if (endpoint.isEmpty()) endpoint = root.endpoint;
        if (state.isEmpty()) state = root.state;
        json |= root.json;
        noColor |= root.noColor;
        verbose |= root.verbose;
    }
}

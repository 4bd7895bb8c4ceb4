package dev.infra.cli.command;

import dev.infra.cli.stage.Ages;
import dev.infra.cli.stage.StageCatalog;
import dev.infra.cli.stage.StageSummary;
import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Command(name = "stages", description = "The app's stages found in the state store: region, last change and by whom, resources, protected, lock held.",
        footerHeading = "%nExample:%n", footer = "  infra stages --json")
public final class StagesCommand extends BaseCommand {
    private static final String ROW = "%-24s %-14s %-30s %-28s %9s  %-9s  %s%n";

    public StagesCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        List<StageSummary> stages = StageCatalog.read(ctx());
        if (global.json) {
            io.out().println(Json.of(Map.of("app", ctx().config().app(), "stages", stages.stream().map(StageSummary::json).toList())));
            return 0;
        }
        if (stages.isEmpty()) {
            human().println("No stage of " + ctx().config().app() + " has state in " + ctx().backend().describe() + ".");
            return 0;
        }
        Instant now = io.clock().instant();
        io.out().printf(ROW, "STAGE", "REGION", "LAST CHANGE", "BY", "RESOURCES", "PROTECTED", "LOCK");
        for (StageSummary s : stages) {
            io.out().printf(ROW, s.stage(), s.region().isEmpty() ? "-" : s.region(),
                    s.changed().map(at -> Ages.when(at, now)).orElse("unknown"), s.by().isEmpty() ? "-" : s.by(),
                    s.resources(), s.protect() ? "yes" : "no", lock(s, now));
        }
        return 0;
    }

    private static String lock(StageSummary s, Instant now) {
        if (s.lock() == null) return "-";
        return "held by " + s.lock().who() + "@" + s.lock().host() + " (" + s.lock().command() + ", " + Ages.ago(
                java.time.Duration.between(s.lock().since(), now)) + (s.lock().expired(now) ? ", lease expired)" : ")");
    }
}

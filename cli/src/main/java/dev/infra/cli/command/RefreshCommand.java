package dev.infra.cli.command;

import dev.infra.cli.apply.Plans;
import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import dev.infra.cli.LockedStage;
import dev.infra.core.state.State;
import dev.infra.core.exec.Refresher;
import dev.infra.core.plan.ValueText;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "refresh", description = "Read live AWS state, report drift, update recorded state.",
        footerHeading = "%nExample:%n", footer = "  infra refresh --stage prod")
public final class RefreshCommand extends BaseCommand {
    public RefreshCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        try (LockedStage locked = ctx().lock("infra refresh")) {
            State before = locked.session().state();
            Refresher.Result r = Plans.readLive(ctx(), before, human());
            if (!r.state().resources().equals(before.resources())) locked.session().save(r.state());
            if (global.json) io.out().println(Json.of(Map.of("drift", r.drift().stream().map(RefreshCommand::row).toList())));
            return 0;
        }
    }

    private static Map<String, Object> row(Refresher.Drift d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", d.address());
        m.put("deleted", d.deleted());
        Map<String, Object> props = new LinkedHashMap<>();
        d.diffs().forEach(p -> props.put(p.path(), Map.of("recorded", ValueText.of(p.before()), "live", ValueText.of(p.after()))));
        m.put("changed", props);
        return m;
    }
}

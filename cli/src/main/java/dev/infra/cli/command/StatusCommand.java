package dev.infra.cli.command;

import dev.infra.cli.stage.StageOutputs;
import dev.infra.cli.view.Json;
import dev.infra.cli.view.StatusJson;
import dev.infra.cli.view.StatusText;
import dev.infra.cli.Io;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.model.ServiceDef;
import dev.infra.core.state.State;
import dev.infra.core.status.LiveStatus;
import dev.infra.core.status.StatusReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Command(name = "status", description = {"What runs now: services' tasks, rollout, target health, revision and events; databases; URLs.",
        "Per service: tasks desired/running/pending, the rollout in progress, target health with AWS's reasons, the revision "
        + "and image it runs, its last three events and, when not steady, why its tasks stopped. Per database: its status, "
        + "writer and readers, and whether it is paused.",
        "Exit 0 when every service is steady and healthy and every database available, 7 otherwise (and when nothing is deployed)."},
        footerHeading = "%nExample:%n", footer = "  infra status web --stage prod --json")
public final class StatusCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "services of infra.yaml to report (default: every service and database)")
    List<String> only = new ArrayList<>();

    public StatusCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        checkServices();
        State state = ctx().readState();
        Map<String, LiveStatus> live = new StatusReader(ctx().providers(), ctx().requests())
                .read(state, r -> only.isEmpty() || only.contains(r.component()));
        Map<String, Object> urls = new LinkedHashMap<>();
        StageOutputs.resolve(ctx(), state).forEach((k, v) -> {
            if (String.valueOf(v).matches("https?://.*")) urls.put(k, v);
        });
        boolean healthy = !live.isEmpty() && live.values().stream().allMatch(LiveStatus::healthy);
        if (global.json) io.out().println(Json.of(StatusJson.of(live, urls, healthy)));
        else new StatusText(human()).print(ctx().config().app(), ctx().config().stage(), live, urls);
        if (live.isEmpty()) human().println("Nothing of stage " + ctx().config().stage() + " is deployed" + (only.isEmpty() ? "" : " for " + only) + ".");
        return healthy ? 0 : ExitCode.NOT_HEALTHY.code();
    }

    /** The services of infra.yaml; a SERVICE argument that is not one is bad input. */
    private void checkServices() {
        Set<String> known = new TreeSet<>();
        ctx().config().resources().forEach((name, def) -> {
            if (def instanceof ServiceDef) known.add(name);
        });
        for (String s : only)
            if (!known.contains(s)) throw new InvalidInputException("status: '" + s + "' is not a service of " + ctx().file().getFileName()
                    + "; services: " + String.join(", ", known));
    }
}

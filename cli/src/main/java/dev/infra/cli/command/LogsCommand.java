package dev.infra.cli.command;

import dev.infra.cli.stage.Ages;
import dev.infra.cli.view.Json;
import dev.infra.cli.Interrupts;
import dev.infra.cli.Io;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.logs.LogFollower;
import dev.infra.core.logs.LogLine;
import dev.infra.core.logs.LogReader;
import dev.infra.core.model.ServiceDef;
import dev.infra.core.state.ResourceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "logs", description = {"A service's log lines from CloudWatch Logs, all its tasks interleaved in time order, each "
        + "prefixed by a short task id.", "--follow keeps polling until Ctrl-C (exit 0); --json prints one object per line."},
        footerHeading = "%nExample:%n", footer = "  infra logs web --stage prod --since 1h --filter ERROR --follow")
public final class LogsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "a service of infra.yaml")
    String service;

    @Option(names = "--since", defaultValue = "10m", description = "how far back to start: 30s, 10m, 2h, 1d (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--follow", description = "keep printing new lines until interrupted (Ctrl-C exits 0)")
    boolean follow;

    @Option(names = "--filter", defaultValue = "", description = "only lines containing this text")
    String filter;

    public LogsCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        Duration back = Ages.parse("--since", since);
        if (!(ctx().config().resources().get(service) instanceof ServiceDef))
            throw new InvalidInputException("logs: '" + service + "' is not a service of " + ctx().file().getFileName());
        ResourceState group = ctx().readState().resources().get(service + "/logGroup");
        if (group == null || group.physicalId().isEmpty()) throw new InfraException(ExitCode.FAILURE, "service " + service
                + " has no log group in stage " + ctx().config().stage() + ": it is not deployed; run 'infra deploy --stage " + ctx().config().stage() + "'");
        LogReader reader = ctx().logs();
        Instant from = reader.clock().now().minus(back);
        String prefix = service + "/";
        if (!follow) {
            reader.read(group.physicalId(), prefix, from, filter).forEach(this::print);
            return 0;
        }
        try (Interrupts ctrlC = Interrupts.onCtrlC()) {
            new LogFollower(reader).follow(group.physicalId(), prefix, from, filter, () -> !ctrlC.requested(), this::print);
        }
        return 0;
    }

    private void print(LogLine l) {
        if (global.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", l.time().toString());
            m.put("task", l.task());
            m.put("stream", l.stream());
            m.put("message", l.message());
            io.out().println(Json.line(m));
        } else {
            io.out().println(DateTimeFormatter.ISO_INSTANT.format(l.time()) + " " + l.shortTask() + " " + l.message());
        }
        io.out().flush();
    }
}

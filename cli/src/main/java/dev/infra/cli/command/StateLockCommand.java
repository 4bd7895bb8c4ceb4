package dev.infra.cli.command;

import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import dev.infra.core.state.LockInfo;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Command(name = "lock", description = "Who holds the stage's lock, and since when.",
        footerHeading = "%nExample:%n", footer = "  infra state lock --stage prod")
public final class StateLockCommand extends BaseCommand {
    public StateLockCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        Optional<LockInfo> held = ctx().backend().locker(ctx().config().app(), ctx().config().stage()).current();
        if (global.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("locked", held.isPresent());
            held.ifPresent(l -> {
                m.put("who", l.who());
                m.put("host", l.host());
                m.put("command", l.command());
                m.put("since", l.since().toString());
                m.put("leaseExpiry", l.leaseExpiry().toString());
            });
            io.out().println(Json.of(m));
        } else {
            human().println(held.map(StateLockCommand::describe).orElse("Not locked."));
        }
        return 0;
    }

    static String describe(LockInfo l) {
        Instant now = Instant.now();
        return "Locked by " + l.who() + "@" + l.host() + " running '" + l.command() + "' since " + l.since()
                + " (" + Duration.between(l.since(), now).toSeconds() + "s ago); lease "
                + (l.expired(now) ? "expired" : "expires") + " at " + l.leaseExpiry();
    }
}

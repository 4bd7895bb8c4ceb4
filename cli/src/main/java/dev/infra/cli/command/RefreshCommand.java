package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.cli.LockedStage;
import dev.infra.core.state.State;
import picocli.CommandLine.Command;

@Command(name = "refresh", description = "Read live AWS state, report drift, update recorded state.")
public final class RefreshCommand extends BaseCommand {
    public RefreshCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        try (LockedStage locked = new LockedStage(ctx().backend(), ctx().config().app(), ctx().config().stage(), "infra refresh")) {
            State before = locked.session().state();
            State after = Plans.refresh(ctx(), before, human());
            if (!after.resources().equals(before.resources())) locked.session().save(after);
            return 0;
        }
    }
}

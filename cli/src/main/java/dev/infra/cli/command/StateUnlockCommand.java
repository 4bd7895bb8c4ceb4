package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.core.state.LockHeldException;
import dev.infra.core.state.LockInfo;
import dev.infra.core.state.StateLocker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.Optional;

@Command(name = "unlock", description = "Release a stale lock: an expired lease, or any lock with --force.",
        footerHeading = "%nExample:%n", footer = "  infra state unlock --stage prod --force")
public final class StateUnlockCommand extends BaseCommand {
    @Option(names = "--force", description = "break the lock even if its lease is live (make sure nobody is deploying)")
    boolean force;

    public StateUnlockCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        StateLocker locker = ctx().backend().locker(ctx().config().app(), ctx().config().stage());
        Optional<LockInfo> held = locker.current();
        if (held.isEmpty()) {
            human().println("Not locked.");
            return 0;
        }
        if (!force && !held.get().expired(Instant.now()))
            throw new LockHeldException(held.get(), StateLockCommand.describe(held.get()) + "; use --force to break it");
        locker.forceUnlock();
        human().println("Unlocked (was: " + StateLockCommand.describe(held.get()) + ").");
        return 0;
    }
}

package dev.infra.cli.stage;

import dev.infra.cli.AppContext;
import dev.infra.core.diag.InfraException;
import dev.infra.core.model.AppConfig;
import dev.infra.core.state.LastChange;
import dev.infra.core.state.Snapshot;
import dev.infra.core.state.State;
import dev.infra.core.state.StateBackend;

import java.util.List;
import java.util.Optional;

/** The app's stages found in its state store (not in AWS), each summarised from its recorded state and lock. */
public final class StageCatalog {
    private StageCatalog() { }

    /** {@code ctx}: any stage of the app, for its name and state store. */
    public static List<StageSummary> read(AppContext ctx) {
        StateBackend backend = ctx.backend();
        String app = ctx.config().app();
        return backend.stages(app).stream().map(stage -> summary(ctx, backend, app, stage)).toList();
    }

    private static StageSummary summary(AppContext ctx, StateBackend backend, String app, String stage) {
        State state = backend.reader(app, stage).read().map(Snapshot::state).orElseGet(() -> State.empty(app, stage));
        Optional<LastChange> last = state.lastChanged();
        Optional<AppConfig> declared = declared(ctx, stage);
        boolean protect = last.map(LastChange::protect).orElse(false) || declared.map(AppConfig::protect).orElse(false);
        String region = last.map(LastChange::region).or(() -> declared.map(AppConfig::region)).orElse("");
        return new StageSummary(stage, region, last.map(LastChange::at).orElse(null), last.map(LastChange::by).orElse(""),
                last.map(LastChange::command).orElse(""), state.resources().size(), protect,
                backend.locker(app, stage).current().orElse(null));
    }

    /** What infra.yaml says of the stage now; empty when it cannot be read for that stage. */
    private static Optional<AppConfig> declared(AppContext ctx, String stage) {
        try {
            return Optional.of(ctx.forStage(stage).config());
        } catch (InfraException e) {
            return Optional.empty();
        }
    }
}

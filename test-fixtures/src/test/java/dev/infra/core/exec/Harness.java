package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.Expander;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.plan.Planner;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.StageContext;
import dev.infra.core.state.MemoryStore;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateSession;
import dev.infra.fixtures.DyingStore;
import dev.infra.fixtures.FakeCloud;
import dev.infra.fixtures.FakeProviderPlugin;

import java.nio.file.Path;
import java.util.Map;

/** One fake cloud and one in-memory state backend: plan and apply the example app (or any yaml) against them. */
final class Harness {
    static final Path EXAMPLE = Path.of("..", "infra.yaml");
    final FakeCloud cloud = new FakeCloud();
    final StateBackend backend = new ObjectStateBackend(new DyingStore(new MemoryStore("test"), cloud));
    int parallelism = 10;

    DesiredApp example() {
        return Expander.expand(ConfigLoader.load(EXAMPLE, "dev", Map.of()));
    }

    DesiredApp yaml(String text) {
        return Expander.expand(ConfigLoader.loadString(text, "infra.yaml", "dev", Map.of()));
    }

    StateSession session(DesiredApp app) {
        return StateSession.open(backend, app.config().app(), app.config().stage());
    }

    Plan plan(DesiredApp app, PlanOptions options) {
        return Planner.plan(app, session(app).state(), options);
    }

    ApplyResult apply(DesiredApp app, PlanOptions options) {
        StateSession s = session(app);
        Plan p = Planner.plan(app, s.state(), options);
        return executor(app).apply(p, s);
    }

    Executor executor(DesiredApp app) {
        StageContext stage = new StageContext(app.config().app(), app.config().stage(), app.config().region(), false);
        return new Executor(new ProviderRegistry(FakeProviderPlugin.forCloud(cloud)), stage, parallelism, ProgressListener.NONE, dev.infra.core.provider.WallClock.SYSTEM);
    }
}

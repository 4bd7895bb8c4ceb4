package dev.infra.cli;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.Expander;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.exec.RequestFactory;
import dev.infra.core.logs.LogReader;
import dev.infra.core.logs.LogReaderFactory;
import dev.infra.core.model.AppConfig;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.StageContext;
import dev.infra.core.secrets.SecretsStore;
import dev.infra.core.secrets.SecretsStoreFactory;
import dev.infra.core.state.LastChange;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateBackends;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * What a command works on, built on first use: the parsed config for the stage, its expansion, the state
 * backend, the providers and the secrets store. A relative {@code file://} state is relative to infra.yaml.
 */
public final class AppContext {
    private final GlobalOptions options;
    private final Io io;
    private AppConfig config;
    private DesiredApp desired;
    private ProviderRegistry providers;
    private dev.infra.core.provider.WallClock clock;

    public AppContext(GlobalOptions options, Io io) {
        this.options = options;
        this.io = io;
    }

    public Io io() {
        return io;
    }

    public GlobalOptions options() {
        return options;
    }

    public Path file() {
        return io.resolve(options.file);
    }

    public AppConfig config() {
        if (config == null) {
            AppConfig c = ConfigLoader.load(file(), options.stage(io), io.env());
            if (!options.region.isBlank()) c = new AppConfig(c.app(), c.stage(), options.region, c.protect(), c.state(),
                    c.secrets(), c.secretsPath(), c.kmsKey(), c.resources(), c.sources());
            config = c;
        }
        return config;
    }

    public DesiredApp desired() {
        if (desired == null) desired = Expander.expand(config());
        return desired;
    }

    public StageContext stage() {
        AppConfig c = config();
        return new StageContext(c.app(), c.stage(), c.region(), c.protect());
    }

    public ProviderConfig providerConfig() {
        Path base = file().getParent() == null ? io.cwd() : file().getParent();
        return new ProviderConfig(options.profile, config().region(), options.endpoint(io), options.verbose, base, io.err());
    }

    /** Where the stage's state is kept: --state, or infra.yaml's {@code state} (empty: the account's default bucket). */
    public String stateUrl() {
        return options.state.isBlank() ? config().state() : options.state;
    }

    public StateBackend backend() {
        String url = stateUrl();
        if (url.startsWith("file://")) {
            Path dir = Path.of(url.substring("file://".length()));
            if (!dir.isAbsolute()) {
                Path base = file().getParent() == null ? io.cwd() : file().getParent();
                url = "file://" + base.resolve(dir).normalize();
            }
        }
        return StateBackends.open(url, providerConfig());
    }

    /** The stage's recorded state, read without the lock (for reading commands). */
    public dev.infra.core.state.State readState() {
        return dev.infra.core.state.StateSession.open(backend(), config().app(), config().stage()).state();
    }

    /** Takes the stage's lock for a mutating command; close it to release. */
    public LockedStage lock(String command) {
        AppConfig c = config();
        String by = LockedStage.identity();
        LockedStage locked = new LockedStage(backend(), c.app(), c.stage(), command, clock(),
                () -> new LastChange(io.clock().instant(), by, command, c.region(), c.protect()));
        locked.tookOverFrom().ifPresent(dead -> io.err().println("infra: took over the lock of " + c.app() + "/" + c.stage()
                + " from " + dead.who() + "@" + dead.host() + " (pid " + dead.pid() + ", '" + dead.command() + "' since "
                + dead.since() + "): that process no longer exists"));
        return locked;
    }

    /** The clock the executor schedules on: the system's, or the one an override supplies (the fake AWS's). */
    public dev.infra.core.provider.WallClock clock() {
        if (clock == null) clock = dev.infra.core.provider.WallClock.of(providerConfig());
        return clock;
    }

    /** The same app, options and process for another stage. */
    public AppContext forStage(String stage) {
        return new AppContext(options.withStage(stage), io);
    }

    public ProviderRegistry providers() {
        if (providers == null) providers = ProviderRegistry.discover(providerConfig());
        return providers;
    }

    public RequestFactory requests() {
        return new RequestFactory(stage());
    }

    /** The reader of the stage's logs (CloudWatch Logs), for the endpoint in use. */
    public LogReader logs() {
        for (LogReaderFactory f : ServiceLoader.load(LogReaderFactory.class))
            if (f.handles(providerConfig())) return f.open(providerConfig());
        throw new InfraException(ExitCode.NO_PROVIDER, "no log reader is available in this build for endpoint '"
                + providerConfig().endpoint() + "'");
    }

    public SecretsStore secrets() {
        AppConfig c = config();
        for (SecretsStoreFactory f : ServiceLoader.load(SecretsStoreFactory.class))
            if (f.handles(providerConfig())) return f.open(stage(), c.secretsPath(), c.kmsKey(), providerConfig());
        throw new InfraException(ExitCode.NO_PROVIDER, "no secrets store is available in this build for endpoint '"
                + providerConfig().endpoint() + "'");
    }
}

package dev.infra.core.state;

import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.provider.ProviderConfig;

import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens a backend by URL: {@code file://dir}, {@code mem://name}, or whatever a {@link StateBackendFactory} supports. */
public final class StateBackends {
    private StateBackends() { }

    public static StateBackend open(String url, ProviderConfig config) {
        if (url.startsWith("file://")) return new ObjectStateBackend(new FileStore(Path.of(url.substring(7))));
        if (url.startsWith("mem://")) return new ObjectStateBackend(MemoryStore.named(url.substring(6)));
        for (StateBackendFactory f : ServiceLoader.load(StateBackendFactory.class)) {
            if (f.supports(url)) return f.open(url, config);
        }
        String shown = url.isEmpty() ? "the default S3 bucket" : url;
        throw new InvalidInputException("state backend " + shown + " is not supported by this build; use file://DIR, "
                + "mem://NAME or s3://BUCKET/PREFIX");
    }
}

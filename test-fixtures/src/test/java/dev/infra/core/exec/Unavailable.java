package dev.infra.core.exec;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A provider that says it cannot work here, and otherwise does what the one it wraps does. */
record Unavailable(ResourceProvider inner, String why) implements ResourceProvider {
    static ResourceProvider wrap(ResourceProvider p, String why) {
        return new Unavailable(p, why);
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.of(why);
    }

    @Override
    public String type() {
        return inner.type();
    }

    @Override
    public Applied create(ResourceRequest request) {
        return inner.create(request);
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest request) {
        return inner.findExisting(request);
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        return inner.read(handles);
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest desired) {
        return inner.update(current, desired);
    }

    @Override
    public void delete(ResourceHandle handle, WaitReporter waits) {
        inner.delete(handle, waits);
    }
}

package dev.infra.providers.testing;

import dev.infra.core.exec.RequestFactory;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.providers.aws.AwsProviderPlugin;

import java.util.Map;
import java.util.UUID;

/** The real providers wired to a fresh {@link FakeAws} through the {@code fakeaws://} endpoint, and request helpers. */
public final class ProviderFixture {
    public final FakeAws fake;
    public final StageContext stage = new StageContext("shop", "dev", "us-east-1", false);
    private final ProviderRegistry registry;
    private final RequestFactory requests = new RequestFactory(stage);
    private final ProviderConfig config;

    public ProviderFixture() {
        String name = "providers-" + UUID.randomUUID();
        fake = FakeAws.named(name);
        config = new ProviderConfig("", "us-east-1", FakeAwsOverride.SCHEME + name, false);
        registry = new ProviderRegistry(new AwsProviderPlugin().providers(config));
    }

    public ResourceProvider provider(String type) {
        return registry.get(type);
    }

    public ResourceRequest request(String address, String type, Map<String, Object> inputs) {
        return requests.request(address, type, inputs, "token-" + address);
    }

    /** Creates through the provider and returns the handle the executor would record. */
    public ResourceHandle create(String address, String type, Map<String, Object> inputs) {
        Applied a = provider(type).create(request(address, type, inputs));
        return new ResourceHandle(address, type, a.physicalId(), inputs, a.outputs(), stage);
    }

    /** A fake client as the providers get it (behind the harsh rules when the fake is harsh): what a call with no retry meets. */
    public <T> T client(Class<T> type) {
        return new FakeAwsOverride().find(type, config).orElseThrow();
    }

    /** As {@link #create}, with what the provider says it waits for added to {@code waits}. */
    public ResourceHandle create(String address, String type, Map<String, Object> inputs, java.util.List<String> waits) {
        Applied a = provider(type).create(requests.request(address, type, inputs, "token-" + address, waits::add));
        return new ResourceHandle(address, type, a.physicalId(), inputs, a.outputs(), stage);
    }

    /** As {@link #updated}, with what the provider says it waits for added to {@code waits}. */
    public ResourceHandle updated(ResourceHandle h, Map<String, Object> inputs, java.util.List<String> waits) {
        Applied a = provider(h.type()).update(h, requests.request(h.address(), h.type(), inputs, "token-" + h.address(), waits::add));
        return new ResourceHandle(h.address(), h.type(), a.physicalId(), inputs, a.outputs(), stage);
    }

    public ResourceHandle updated(ResourceHandle h, Map<String, Object> inputs) {
        Applied a = provider(h.type()).update(h, request(h.address(), h.type(), inputs));
        return new ResourceHandle(h.address(), h.type(), a.physicalId(), inputs, a.outputs(), stage);
    }

    /** The real refresh (as plan and refresh run it) of a state holding these resources, READY as the executor records them. */
    public dev.infra.core.exec.Refresher.Result refresh(ResourceHandle... handles) {
        dev.infra.core.state.State state = dev.infra.core.state.State.empty(stage.app(), stage.stage());
        for (ResourceHandle h : handles)
            state = state.with(new dev.infra.core.state.ResourceState(h.address(), h.type(), h.address().split("/")[0], h.physicalId(),
                    h.inputs(), h.outputs(), java.util.List.of(), dev.infra.core.state.ResourceStatus.READY, ""));
        return new dev.infra.core.exec.Refresher(registry, requests).refresh(state);
    }

    public String out(ResourceHandle h, String key) {
        return String.valueOf(h.outputs().get(key));
    }
}

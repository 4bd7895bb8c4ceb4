package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.plan.Planner;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WallClock;
import dev.infra.core.state.ConditionalStore;
import dev.infra.core.state.MemoryStore;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateSession;
import dev.infra.fixtures.FakeCloud;
import dev.infra.fixtures.FakeProviderPlugin;
import dev.infra.fixtures.aws.VirtualClock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit on the executor, in simulated time with a state store that takes 50 ms per write: every mutating call
 * finds its pending record already stored (the crash guarantee), and steps running in parallel share writes.
 */
class GroupCommitTest {
    final Harness h = new Harness();
    final VirtualClock clock = new VirtualClock();
    final AtomicInteger writes = new AtomicInteger();
    final StateBackend backend = new ObjectStateBackend(new SlowStore(new MemoryStore("group-commit"), clock, writes));
    final List<String> checked = new ArrayList<>();
    final List<String> unguarded = new ArrayList<>();

    @Test
    void everyMutatingCallFindsItsPendingRecordStoredAndParallelStepsShareWrites() {
        DesiredApp app = h.example();
        int steps = app.resources().size();
        assertThat(apply(app, PlanOptions.ALL).success()).isTrue();
        assertThat(checked).as("every create was checked").hasSize(steps);
        int deployWrites = writes.getAndSet(0);
        assertThat(deployWrites).as("fewer writes than steps (each step used to make two)").isLessThan(steps / 2);

        assertThat(apply(app, new PlanOptions(java.util.Set.of(), true, false)).success()).isTrue();
        assertThat(checked).as("every delete was checked too").hasSize(2 * steps);
        assertThat(unguarded).as("mutating calls made before their pending record was stored").isEmpty();
        assertThat(writes.get()).isLessThan(steps / 2);
        assertThat(h.cloud.resources()).isEmpty();
    }

    private ApplyResult apply(DesiredApp app, PlanOptions options) {
        StateSession s = StateSession.open(backend, app.config().app(), app.config().stage());
        Plan p = Planner.plan(app, s.state(), options);
        StageContext stage = new StageContext(app.config().app(), app.config().stage(), app.config().region(), false);
        List<ResourceProvider> guarded = FakeProviderPlugin.forCloud(h.cloud).stream().map(this::guard).toList();
        return new Executor(new ProviderRegistry(guarded), stage, 10, ProgressListener.NONE, clock).apply(p, s);
    }

    /** The provider, checking before each create, update and delete that the stored state holds the pending record. */
    private ResourceProvider guard(ResourceProvider p) {
        return (ResourceProvider) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResourceProvider.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "create" -> expect(((ResourceRequest) args[0]).address(), ResourceStatus.PENDING_CREATE,
                                ((ResourceRequest) args[0]).idempotencyToken());
                        case "update" -> expect(((ResourceHandle) args[0]).address(), ResourceStatus.PENDING_UPDATE, null);
                        case "delete" -> expect(((ResourceHandle) args[0]).address(), ResourceStatus.PENDING_DELETE, null);
                        default -> { }
                    }
                    try {
                        return method.invoke(p, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void expect(String address, ResourceStatus status, String token) {
        Optional<ResourceState> stored = backend.reader("carbon", "dev").read()
                .flatMap(s -> s.state().resource(address));
        boolean ok = stored.isPresent() && stored.get().status() == status && (token == null || token.equals(stored.get().pendingToken()));
        synchronized (checked) {
            checked.add(address);
            if (!ok) unguarded.add(status + " " + address + ": stored " + stored.map(r -> r.status().name()).orElse("nothing"));
        }
    }

    /** Takes 50 ms of simulated time per write, as S3 might. */
    private record SlowStore(ConditionalStore delegate, WallClock clock, AtomicInteger writes) implements ConditionalStore {
        @Override
        public Optional<Versioned> get(String key) {
            return delegate.get(key);
        }

        @Override
        public String put(String key, String content, String expectedVersion) {
            if (!key.endsWith("lock.json")) writes.incrementAndGet();
            try {
                clock.sleep(Duration.ofMillis(50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return delegate.put(key, content, expectedVersion);
        }

        @Override
        public void delete(String key, String expectedVersion) {
            delegate.delete(key, expectedVersion);
        }

        @Override
        public java.util.List<String> keys(String prefix) {
            return delegate.keys(prefix);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }
}

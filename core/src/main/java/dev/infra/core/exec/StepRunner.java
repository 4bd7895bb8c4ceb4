package dev.infra.core.exec;

import dev.infra.core.plan.Action;
import dev.infra.core.plan.Change;
import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.ref.Ref;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.GroupCommit;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one step against its provider, recording a pending status before the mutating call (and waiting until it is
 * stored) and the result after (stored by a later group write). A create whose pending record survived a crash first
 * asks the provider for what that attempt made.
 */
final class StepRunner {
    private final ProviderRegistry providers;
    private final GroupCommit commits;
    private final RequestFactory requests;

    StepRunner(ProviderRegistry providers, GroupCommit commits, RequestFactory requests) {
        this.providers = providers;
        this.commits = commits;
        this.requests = requests;
    }

    void run(Step step, WaitReporter waits) {
        Change c = step.change();
        if (step.kind() == Step.Kind.DELETE) delete(c, waits);
        else if (c.action() == Action.UPDATE && commits.state().resource(c.address()).isPresent()) update(c, waits);
        else create(c, waits);
    }

    private Map<String, Object> resolve(Change c) {
        return Resolver.resolveMap(c.after(), this::output);
    }

    private Object output(Ref ref) {
        ResourceState dep = commits.state().resource(ref.address())
                .orElseThrow(() -> new IllegalStateException(ref.address() + " does not exist, but is needed for " + ref));
        Object v = dep.outputs().get(ref.attribute());
        if (v == null) throw new IllegalStateException(ref.address() + " has no output '" + ref.attribute() + "'");
        return v;
    }

    private void create(Change c, WaitReporter waits) {
        ResourceProvider p = providers.get(c.type());
        Map<String, Object> inputs = resolve(c);
        Optional<ResourceState> pending = commits.state().resource(c.address())
                .filter(r -> r.status() == ResourceStatus.PENDING_CREATE && !r.pendingToken().isEmpty());
        String token = pending.map(ResourceState::pendingToken).orElseGet(() -> UUID.randomUUID().toString());
        commits.updateDurably(s -> s.with(new ResourceState(c.address(), c.type(), c.component(), "", inputs, Map.of(),
                c.dependencies(), ResourceStatus.PENDING_CREATE, token)));
        ResourceRequest request = requests.request(c.address(), c.type(), inputs, token, waits);
        Applied applied = pending.flatMap(r -> p.findExisting(request)).map(found -> adopted(c, p, request, found))
                .orElseGet(() -> createOrAdopt(c, p, request));
        record(c, inputs, applied);
    }

    private Applied createOrAdopt(Change c, ResourceProvider p, ResourceRequest request) {
        try {
            return p.create(request);
        } catch (AlreadyExistsException e) {
            return p.findExisting(request).map(found -> adopted(c, p, request, found)).orElseThrow(() -> e);
        }
    }

    private Applied adopted(Change c, ResourceProvider p, ResourceRequest request, Applied found) {
        return Adoption.converge(p, request, found, (actual, as) -> record(c, actual, as));
    }

    private void update(Change c, WaitReporter waits) {
        ResourceProvider p = providers.get(c.type());
        ResourceState current = commits.state().resource(c.address()).orElseThrow();
        Map<String, Object> inputs = resolve(c);
        String token = UUID.randomUUID().toString();
        commits.updateDurably(s -> s.with(current.withStatus(ResourceStatus.PENDING_UPDATE, token)));
        Applied applied = p.update(requests.handle(current), requests.request(c.address(), c.type(), inputs, token, waits));
        record(c, inputs, applied);
    }

    private void record(Change c, Map<String, Object> inputs, Applied applied) {
        commits.update(s -> s.with(new ResourceState(c.address(), c.type(), c.component(), applied.physicalId(), inputs,
                applied.outputs(), c.dependencies(), ResourceStatus.READY, "")));
    }

    private void delete(Change c, WaitReporter waits) {
        Optional<ResourceState> current = commits.state().resource(c.address());
        if (current.isEmpty()) return;
        ResourceState r = adoptPending(current.get());
        if (c.action() == Action.RETAIN) {
            commits.update(s -> s.with(r));
            return;
        }
        if (!r.physicalId().isEmpty()) {
            ResourceProvider p = providers.get(r.type());
            commits.updateDurably(s -> s.with(r.withStatus(ResourceStatus.PENDING_DELETE, "")));
            p.delete(requests.handle(r, c.action() == Action.DELETE ? c.after() : Map.of()), waits);
        }
        commits.update(s -> s.without(c.address()));
    }

    /** A create interrupted before its result was recorded may still have made the resource: find it to delete it. */
    private ResourceState adoptPending(ResourceState r) {
        if (r.status() != ResourceStatus.PENDING_CREATE || r.pendingToken().isEmpty()) return r;
        ResourceRequest request = requests.request(r.address(), r.type(), r.inputs(), r.pendingToken());
        return providers.get(r.type()).findExisting(request).map(a -> new ResourceState(r.address(), r.type(), r.component(),
                a.physicalId(), r.inputs(), a.outputs(), r.dependencies(), r.status(), r.pendingToken())).orElse(r);
    }
}

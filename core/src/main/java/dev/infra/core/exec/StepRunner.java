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
import dev.infra.core.state.Deposed;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.GroupCommit;
import dev.infra.core.state.State;

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
    private final LostCreates lost;
    private final SealAhead sealAhead;
    /** A create's pending record written ahead of its step: its token, and the change number that stores it. */
    private record Ahead(String token, long seq) { }

    private final Map<String, Ahead> ahead = new java.util.concurrent.ConcurrentHashMap<>();
    /** Address → where its old resource is kept, for the create-first replacements of this run. */
    private final Map<String, String> deposed = new java.util.concurrent.ConcurrentHashMap<>();

    /** For the steps {@code stepIds} (so it knows when none of them can ask for a stored record any more: {@link SealAhead}). */
    StepRunner(ProviderRegistry providers, GroupCommit commits, RequestFactory requests, dev.infra.core.provider.WallClock clock,
               java.util.Collection<String> stepIds) {
        this.lost = new LostCreates(clock);
        this.sealAhead = new SealAhead(commits, stepIds);
        this.providers = providers;
        this.commits = commits;
        this.requests = requests;
    }

    /** Runs {@code step}; once its pending record is stored (or it ends, if it needed none), {@link SealAhead} hears of it. */
    void run(Step step, WaitReporter waits) {
        Change c = step.change();
        Runnable stored = () -> sealAhead.stored(step.id());
        try {
            if (step.kind() == Step.Kind.DELETE) delete(c, c.createFirst() ? deposed.get(c.address()) : c.address(), waits, stored);
            else if (c.action() == Action.UPDATE && commits.state().resource(c.address()).isPresent()) update(c, waits, stored);
            else create(c, waits, stored);
        } finally {
            stored.run();
        }
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

    /**
     * Records plain creates as pending (a token each, no inputs yet) ahead of their steps, in one change that asks for
     * a write without waiting for it: the scheduler calls it for the steps without dependencies before any starts, and
     * for each other step once every step it waits for has started, so the record is stored while those run and the
     * step, once ready, need not wait for a write of its own. Its resolved inputs follow with a later write; a crash
     * before then leaves a pending create whose token finds what it made, like any pending create.
     */
    void writeAhead(java.util.Collection<Step> next) {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (Step step : next)
            if (step.kind() == Step.Kind.APPLY && step.change().action() == Action.CREATE) tokens.put(step.change().address(), UUID.randomUUID().toString());
        if (tokens.isEmpty()) return;
        java.util.Set<String> written = new java.util.HashSet<>();
        long seq = commits.updateSoon(s -> {
            written.clear();
            State out = s;
            for (Step step : next) {
                Change c = step.change();
                String token = tokens.get(c.address());
                if (token == null || s.resource(c.address()).isPresent()) continue;
                written.add(c.address());
                out = out.with(new ResourceState(c.address(), c.type(), c.component(), "", Map.of(), Map.of(),
                        c.dependencies(), ResourceStatus.PENDING_CREATE, token));
            }
            return out;
        });
        for (String address : written) ahead.put(address, new Ahead(tokens.get(address), seq));
        for (Step step : next) if (step.kind() == Step.Kind.APPLY && written.contains(step.change().address())) sealAhead.stored(step.id());
    }

    /** The creates written ahead whose steps never ran: their records go, as nothing was asked of AWS for them. */
    void forgetUnstarted() {
        ahead.forEach((address, a) -> commits.update(s -> s.resource(address)
                .filter(r -> r.pendingToken().equals(a.token()) && r.inputs().isEmpty()).map(r -> s.without(address)).orElse(s)));
        ahead.clear();
    }

    private void create(Change c, WaitReporter waits, Runnable stored) {
        ResourceProvider p = providers.get(c.type());
        Map<String, Object> inputs = resolve(c);
        Ahead early = ahead.remove(c.address());
        Optional<ResourceState> pending = early != null ? Optional.empty() : commits.state().resource(c.address())
                .filter(r -> r.status() == ResourceStatus.PENDING_CREATE && !r.pendingToken().isEmpty());
        String token = early != null ? early.token() : pending.map(ResourceState::pendingToken).orElseGet(() -> UUID.randomUUID().toString());
        ResourceState record = new ResourceState(c.address(), c.type(), c.component(), "", inputs, Map.of(),
                c.dependencies(), ResourceStatus.PENDING_CREATE, token);
        if (early != null) {
            commits.update(s -> s.with(record));
            commits.awaitStored(early.seq());
        } else {
            commits.updateDurably(s -> (c.createFirst() && pending.isEmpty() ? depose(s, c.address(), token) : s).with(record));
        }
        stored.run();
        ResourceRequest request = requests.request(c.address(), c.type(), inputs, token, waits);
        Applied applied = pending.flatMap(r -> unclaimed(c, p.findExisting(request))).map(found -> adopted(c, p, request, found))
                .orElseGet(() -> createOrAdopt(c, p, request));
        record(c, inputs, applied);
    }

    /** Moves the old resource of a create-first replacement aside, in the same write as the new one's pending record. */
    private State depose(State s, String address, String token) {
        ResourceState old = s.resource(address).orElseThrow(() -> new IllegalStateException(address + " is not recorded"));
        String key = Deposed.address(address, token);
        deposed.put(address, key);
        return s.without(address).with(old.at(key));
    }

    private Applied createOrAdopt(Change c, ResourceProvider p, ResourceRequest request) {
        return lost.create(p, request, () -> {
            try {
                return p.create(request);
            } catch (AlreadyExistsException e) {
                return unclaimed(c, p.findExisting(request)).map(found -> adopted(c, p, request, found)).orElseThrow(() -> e);
            }
        }, found -> unclaimed(c, found), found -> adopted(c, p, request, found));
    }

    /**
     * A resource found for a create is adopted only if state does not record it under another address: the old
     * resource of a create-first replacement carries the same tags as the new one, and must never become it. (Ids are
     * compared within the type: an application and a repository may both be named carbon-dev-api.)
     */
    private Optional<Applied> unclaimed(Change c, Optional<Applied> found) {
        return found.filter(a -> commits.state().resources().values().stream()
                .noneMatch(r -> !r.address().equals(c.address()) && r.type().equals(c.type()) && r.physicalId().equals(a.physicalId())));
    }

    private Applied adopted(Change c, ResourceProvider p, ResourceRequest request, Applied found) {
        return Adoption.converge(p, request, found, (actual, as) -> record(c, actual, as));
    }

    private void update(Change c, WaitReporter waits, Runnable stored) {
        ResourceProvider p = providers.get(c.type());
        ResourceState current = commits.state().resource(c.address()).orElseThrow();
        Map<String, Object> inputs = resolve(c);
        String token = UUID.randomUUID().toString();
        commits.updateDurably(s -> s.with(current.withStatus(ResourceStatus.PENDING_UPDATE, token)));
        stored.run();
        Applied applied = p.update(requests.handle(current), requests.request(c.address(), c.type(), inputs, token, waits));
        record(c, inputs, applied);
    }

    private void record(Change c, Map<String, Object> inputs, Applied applied) {
        commits.update(s -> s.with(new ResourceState(c.address(), c.type(), c.component(), applied.physicalId(), inputs,
                applied.outputs(), c.dependencies(), ResourceStatus.READY, "")));
    }

    private void delete(Change c, String key, WaitReporter waits, Runnable stored) {
        Optional<ResourceState> current = key == null ? Optional.empty() : commits.state().resource(key);
        if (current.isEmpty()) return;
        ResourceState r = adoptPending(current.get());
        if (c.action() == Action.RETAIN) {
            commits.update(s -> s.with(r));
            return;
        }
        if (!r.physicalId().isEmpty()) {
            ResourceProvider p = providers.get(r.type());
            commits.updateDurably(s -> s.with(r.withStatus(ResourceStatus.PENDING_DELETE, "")));
            stored.run();
            p.delete(requests.handle(r.at(Deposed.base(key)), c.action() == Action.DELETE ? c.after() : Map.of()), waits);
        }
        commits.update(s -> s.without(key));
    }

    /** A create interrupted before its result was recorded may still have made the resource: find it to delete it. */
    private ResourceState adoptPending(ResourceState r) {
        if (r.status() != ResourceStatus.PENDING_CREATE || r.pendingToken().isEmpty()) return r;
        boolean writtenAhead = r.inputs().isEmpty()
                && !dev.infra.core.component.ResourceTypes.find(r.type()).map(t -> t.inputs().isEmpty()).orElse(true);
        if (writtenAhead) return r; // no inputs to find it by: remove's sweep finds by its tags what the create may have made
        ResourceRequest request = requests.request(r.address(), r.type(), r.inputs(), r.pendingToken());
        return providers.get(r.type()).findExisting(request).map(a -> new ResourceState(r.address(), r.type(), r.component(),
                a.physicalId(), r.inputs(), a.outputs(), r.dependencies(), r.status(), r.pendingToken())).orElse(r);
    }
}

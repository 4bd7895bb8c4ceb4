package dev.infra.providers.conformance;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.Expander;
import dev.infra.core.exec.ApplyResult;
import dev.infra.core.exec.Executor;
import dev.infra.core.exec.ProgressListener;
import dev.infra.core.graph.ResourceGraph;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.plan.Planner;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WallClock;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.MemoryStore;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.State;
import dev.infra.core.state.StateSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Realistic inputs for every resource type: the repo's own infra.yaml (the spec's full example) expanded for a stage.
 * The services run an image given by URI, so that nothing but {@code aws.ecr.Repository} needs a Docker build; the
 * repository's inputs (literals, no references) come from the example as written. For one type, the first resource of
 * it (by address, or the one {@link #PREFERRED} names) is the subject: what it stands on is deployed through the
 * engine (planner and executor, the real providers, in-memory state), and its inputs are resolved from what that
 * deploy recorded. The subject itself is not deployed: the conformance case makes it. A NAT gateway, its Elastic IP
 * and an RDS Proxy come from the example with {@code nat: managed} and {@code proxy: true}, as a stage may override.
 */
final class ExampleApp {
    static final Path FILE = Path.of("..", "infra.yaml");
    /** Where the first resource by address is not the usual one: erp's service rolls (api's is blue/green). */
    private static final Map<String, String> PREFERRED = Map.of("aws.ecs.Service", "erp/service");
    private final List<DesiredApp> expansions;

    ExampleApp(String stage) {
        String text = read();
        String byUri = text.replace("image: { context: example, dockerfile: apps/erp/Dockerfile }", "image: \"nginx:1.27\"")
                .replace("image: { context: example, dockerfile: apps/api/Dockerfile }", "image: \"nginx:1.27\"");
        Path base = FILE.toAbsolutePath().normalize().getParent();
        String managedNat = byUri.replace("nat: ec2", "nat: managed").replace("proxy: false", "proxy: true");
        expansions = List.of(expand(byUri, stage, base), expand(managedNat, stage, base), expand(text, stage, base));
    }

    private static String read() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DesiredApp expand(String yaml, String stage, Path base) {
        return Expander.expand(ConfigLoader.loadString(yaml, base.resolve("infra.yaml").toString(), stage, Map.of(), base));
    }

    String app() {
        return expansions.get(0).config().app();
    }

    /** The example's resource of this type, and the expansion it is from; empty when the example has none. */
    Optional<Subject> subject(String type) {
        for (DesiredApp app : expansions) {
            Optional<DesiredResource> r = app.resources().stream().filter(d -> d.type().equals(type))
                    .filter(d -> !dependsOnABuild(app, d))
                    .min(Comparator.comparing((DesiredResource d) -> !d.address().equals(PREFERRED.get(type))).thenComparing(DesiredResource::address));
            if (r.isPresent()) return Optional.of(new Subject(app, r.get()));
        }
        return Optional.empty();
    }

    private static boolean dependsOnABuild(DesiredApp app, DesiredResource r) {
        return app.graph().closure(List.of(r.address())).stream()
                .anyMatch(a -> app.resources().stream().anyMatch(d -> d.address().equals(a) && d.type().equals("docker.Image")));
    }

    /** One resource of the example, with the app it is part of. */
    record Subject(DesiredApp app, DesiredResource resource) {
        /** What it stands on, without itself: every resource its references and explicit dependencies reach. */
        Set<String> dependencies() {
            Set<String> all = new TreeSet<>(app.graph().closure(List.of(resource.address())));
            all.remove(resource.address());
            return all;
        }

        /**
         * Deploys its dependencies through the engine and returns its inputs resolved against what was recorded.
         * {@code providers} and {@code clock} are the account's; the state is kept in memory.
         */
        Deployed deploy(ProviderRegistry providers, StageContext stage, WallClock clock) {
            DesiredApp part = only(dependencies());
            StateSession session = StateSession.open(new ObjectStateBackend(new MemoryStore("conformance")), stage.app(), stage.stage());
            Executor executor = new Executor(providers, stage, 4, ProgressListener.NONE, clock);
            ApplyResult result = executor.apply(Planner.plan(part, session.state(), PlanOptions.ALL), session);
            if (!result.success()) throw new IllegalStateException("the example's " + resource.address() + " could not stand on its dependencies: "
                    + result.failures().stream().map(f -> f.address() + ": " + f.message()).toList(), result.failures().get(0).cause());
            State state = result.state();
            Map<String, Object> inputs = Resolver.resolveMap(resource.inputs(), ref -> state.resource(ref.address())
                    .map(s -> s.outputs().get(ref.attribute())).orElseThrow(() -> new IllegalStateException("not deployed: " + ref)));
            return new Deployed(resource.address(), new TreeMap<>(withoutNulls(inputs)), session, executor, part);
        }

        private DesiredApp only(Set<String> addresses) {
            List<DesiredResource> kept = new ArrayList<>();
            Map<String, Set<String>> edges = new TreeMap<>();
            for (DesiredResource r : app.resources()) {
                if (!addresses.contains(r.address())) continue;
                kept.add(r);
                edges.put(r.address(), app.graph().dependenciesOf(r.address()));
            }
            return new DesiredApp(app.config(), kept, ResourceGraph.of(edges), app.schemas(), Map.of());
        }
    }

    /** A resource's inputs as a component emits them may hold nulls for "not set"; a request never carries them. */
    private static Map<String, Object> withoutNulls(Map<String, Object> in) {
        Map<String, Object> out = new TreeMap<>();
        in.forEach((k, v) -> { if (v != null) out.put(k, v); });
        return out;
    }

    /** The subject's dependencies as deployed, and its resolved inputs; {@link #remove} takes the dependencies down. */
    record Deployed(String address, Map<String, Object> inputs, StateSession session, Executor executor, DesiredApp part) {
        void remove() {
            ApplyResult r = executor.apply(Planner.plan(part, session.state(), new PlanOptions(Set.of(), true, false)), session);
            if (!r.success()) throw new IllegalStateException("could not remove the dependencies: "
                    + r.failures().stream().map(f -> f.address() + ": " + f.message()).toList(), r.failures().get(0).cause());
        }
    }
}

package dev.infra.core.component;

import dev.infra.core.graph.ResourceGraph;
import dev.infra.core.model.AppConfig;
import dev.infra.core.model.ResourceDef;
import dev.infra.core.ref.Refs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Components → concrete resources → graph. Every component's outputs are computed first (they are Refs to
 * resources that do not exist yet), then each component expands with access to them; the graph's edges are the
 * Refs inside each resource's inputs plus its explicit {@code dependsOn}.
 */
public final class Expander {
    private static final Map<String, Component<?>> COMPONENTS = new HashMap<>();

    static {
        for (Component<?> c : List.of(new VpcComponent(), new ClusterComponent(), new AuroraComponent(),
                new ServiceComponent(), new WafComponent())) COMPONENTS.put(c.type(), c);
    }

    private Expander() { }

    /** @throws dev.infra.core.graph.CycleException on a dependency cycle (naming it) */
    public static DesiredApp expand(AppConfig config) {
        Path file = Path.of(config.sources().file().isEmpty() ? "infra.yaml" : config.sources().file()).toAbsolutePath();
        Path baseDir = file.getParent() == null ? Path.of(".").toAbsolutePath() : file.getParent();
        Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
        Expansion ctx = new Expansion(config, baseDir, outputs);
        for (ResourceDef d : config.resources().values()) outputs.put(d.name(), Map.copyOf(component(d).outputs(d, ctx)));
        List<DesiredResource> resources = Emitter.newList();
        resources.add(new DesiredResource(Expansion.ACCOUNT, ResourceTypes.ACCOUNT_TYPE, "_infra", Map.of(), List.of()));
        for (ResourceDef d : config.resources().values()) component(d).expand(d, new Emitter(config, d.name(), resources), ctx);
        return assemble(config, resources, outputs);
    }

    @SuppressWarnings("unchecked")
    private static <D extends ResourceDef> Component<D> component(D def) {
        Component<?> c = COMPONENTS.get(def.type());
        if (c == null) throw new IllegalStateException("no component for type " + def.type());
        return (Component<D>) c;
    }

    private static DesiredApp assemble(AppConfig config, List<DesiredResource> resources, Map<String, Map<String, Object>> outputs) {
        Map<String, DesiredResource> byAddress = new HashMap<>();
        Map<String, Set<String>> edges = new TreeMap<>();
        Map<String, ResourceSchema> schemas = new TreeMap<>();
        for (DesiredResource r : resources) {
            if (byAddress.put(r.address(), r) != null) throw new IllegalStateException("duplicate address " + r.address());
            Set<String> deps = new TreeSet<>(Refs.addresses(r.inputs()));
            deps.addAll(r.dependsOn());
            edges.put(r.address(), deps);
            schemas.put(r.type(), ResourceTypes.find(r.type())
                    .orElseThrow(() -> new IllegalStateException("no schema for type " + r.type())));
        }
        for (Map.Entry<String, Set<String>> e : edges.entrySet())
            for (String dep : e.getValue())
                if (!byAddress.containsKey(dep)) throw new IllegalStateException(e.getKey() + " refers to unknown " + dep);
        ResourceGraph graph = ResourceGraph.of(edges);
        List<DesiredResource> ordered = new ArrayList<>(resources.size());
        for (String a : graph.topologicalOrder()) ordered.add(byAddress.get(a));
        Map<String, Object> flat = new TreeMap<>();
        outputs.forEach((c, attrs) -> attrs.forEach((k, v) -> flat.put(c + "." + k, v)));
        return new DesiredApp(config, ordered, graph, schemas, flat);
    }
}

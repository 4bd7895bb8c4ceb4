package dev.infra.bench;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.Expander;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.State;

import java.util.Map;
import java.util.TreeMap;

/** Generated apps of a given size (services behind load balancers) and the state a finished deploy would record. */
final class SyntheticApp {
    private SyntheticApp() { }

    /** An app with one VPC, one cluster and enough services to reach about {@code resources} resources. */
    static String yaml(int resources) {
        StringBuilder sb = new StringBuilder("app: bench\nregion: us-east-1\nstate: mem://bench\nresources:\n"
                + "  vpc:\n    type: vpc\n    azs: 3\n    nat: managed\n  cluster:\n    type: cluster\n    vpc: vpc\n");
        int services = Math.max(1, (resources - 30) / 13);
        for (int i = 0; i < services; i++) {
            sb.append("  svc").append(i).append(":\n    type: service\n    cluster: cluster\n    image: \"public.example/svc:1\"\n")
                    .append("    port: 8080\n    loadBalancer:\n      listen: [80/http]\n    scaling: { min: 1, max: 4 }\n")
                    .append("    environment: { PEER: \"${svc").append(i == 0 ? 0 : i - 1).append(".url}\" }\n");
        }
        return sb.toString();
    }

    static DesiredApp expand(int resources) {
        return Expander.expand(ConfigLoader.loadString(yaml(resources), "bench.yaml", "dev", Map.of()));
    }

    static State applied(DesiredApp app) {
        Map<String, ResourceState> rs = new TreeMap<>();
        for (DesiredResource r : app.resources()) {
            Map<String, Object> outputs = new TreeMap<>();
            for (String o : app.schemas().get(r.type()).outputs()) outputs.put(o, o + ":" + r.address());
            Map<String, Object> inputs = Resolver.resolveMap(r.inputs(), ref -> rs.get(ref.address()).outputs().get(ref.attribute()));
            rs.put(r.address(), new ResourceState(r.address(), r.type(), r.component(), "id:" + r.address(), inputs, outputs,
                    app.graph().dependenciesOf(r.address()).stream().toList(), ResourceStatus.READY, ""));
        }
        return new State(State.FORMAT_VERSION, 1, "bench", app.config().app(), app.config().stage(), rs);
    }
}

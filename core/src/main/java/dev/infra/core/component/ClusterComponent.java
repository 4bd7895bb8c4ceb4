package dev.infra.core.component;

import dev.infra.core.model.ClusterDef;

import java.util.Map;

import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/** {@code type: cluster} → one aws.ecs.Cluster. */
final class ClusterComponent implements Component<ClusterDef> {
    @Override
    public String type() {
        return "cluster";
    }

    @Override
    public void expand(ClusterDef c, Emitter out, Expansion ctx) {
        out.add("cluster", "aws.ecs.Cluster", map("name", out.name(""), "containerInsights", c.containerInsights() ? "enabled" : "disabled"));
    }

    @Override
    public Map<String, Object> outputs(ClusterDef c, Expansion ctx) {
        return map("name", ref(c.name() + "/cluster", "name"), "arn", ref(c.name() + "/cluster", "arn"));
    }
}

package dev.infra.cli.stage;

import dev.infra.cli.AppContext;
import dev.infra.core.plan.Unknown;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;

import java.util.Map;
import java.util.TreeMap;

/** The stage's outputs (URLs, endpoints, ids) resolved against its recorded state; those not known yet are left out. */
public final class StageOutputs {
    private StageOutputs() { }

    public static Map<String, Object> resolve(AppContext ctx, State state) {
        Map<String, Object> values = new TreeMap<>();
        ctx.desired().outputs().forEach((k, v) -> {
            Object resolved = Resolver.resolve(v, ref -> {
                ResourceState r = state.resources().get(ref.address());
                Object o = r == null ? null : r.outputs().get(ref.attribute());
                return o == null ? Unknown.VALUE : o;
            });
            if (resolved != Unknown.VALUE && !Resolver.hasUnknown(resolved) && !"".equals(resolved)) values.put(k, resolved);
        });
        return values;
    }
}

package dev.infra.core.component;

import java.util.List;
import java.util.Map;

/** IAM policy documents as input values. */
final class Policies {
    private Policies() { }

    /** {@code {Version, Statement: [{Effect: Allow, Action, Resource}]}}. */
    static Map<String, Object> allow(List<String> actions, List<Object> resources) {
        return Inputs.map("Version", "2012-10-17", "Statement",
                List.of(Inputs.map("Effect", "Allow", "Action", actions, "Resource", resources)));
    }

    static Map<String, Object> statements(List<Map<String, Object>> statements) {
        return Inputs.map("Version", "2012-10-17", "Statement", statements);
    }
}

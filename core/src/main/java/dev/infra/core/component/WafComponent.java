package dev.infra.core.component;

import dev.infra.core.model.WafDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/** {@code type: waf} → a REGIONAL WebAcl (rate rule + managed rule groups) and an Association per protected ALB. */
final class WafComponent implements Component<WafDef> {
    @Override
    public String type() {
        return "waf";
    }

    @Override
    public void expand(WafDef w, Emitter out, Expansion ctx) {
        List<Object> rules = new ArrayList<>();
        rules.add(map("name", "rate-limit", "priority", 0, "action", "block",
                "rateBasedStatement", map("limit", w.rateLimit(), "aggregateKeyType", "IP", "evaluationWindowSec", w.rateWindowSeconds()),
                "visibilityConfig", visibility(w, "rate-limit")));
        for (int i = 0; i < w.managedRules().size(); i++) {
            String name = w.managedRules().get(i);
            rules.add(map("name", name, "priority", i + 1, "overrideAction", "none",
                    "managedRuleGroupStatement", map("vendorName", "AWS", "name", name), "visibilityConfig", visibility(w, name)));
        }
        String acl = out.add("webAcl", "aws.wafv2.WebAcl", map("name", out.name(""), "scope", "REGIONAL",
                "defaultAction", "allow", "rules", rules, "visibilityConfig", visibility(w, out.name(""))));
        for (String service : w.protect()) {
            out.add("association-" + service, "aws.wafv2.Association", map("webAclArn", ref(acl, "arn"),
                    "resourceArn", ref(service + "/loadBalancer", "arn")));
        }
    }

    private static Map<String, Object> visibility(WafDef w, String metric) {
        return map("cloudWatchMetricsEnabled", w.metrics(), "sampledRequestsEnabled", w.metrics(), "metricName", metric);
    }

    @Override
    public Map<String, Object> outputs(WafDef w, Expansion ctx) {
        return map("arn", ref(w.name() + "/webAcl", "arn"), "id", ref(w.name() + "/webAcl", "id"));
    }
}

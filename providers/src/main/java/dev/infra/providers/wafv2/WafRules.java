package dev.infra.providers.wafv2;

import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.wafv2.model.ManagedRuleGroupStatement;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatement;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Statement;
import software.amazon.awssdk.services.wafv2.model.VisibilityConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web ACL's inputs to and from the SDK's model: rate-based rules (block, per IP, with an evaluation window) and
 * AWS managed rule groups (no override), each with its visibility config. {@link #fromSdk} gives back the inputs'
 * shape, so a refresh compares like with like.
 */
final class WafRules {
    private WafRules() { }

    static List<Rule> toSdk(List<Map<String, Object>> rules) {
        return rules.stream().map(WafRules::rule).toList();
    }

    private static Rule rule(Map<String, Object> in) {
        Rule.Builder b = Rule.builder().name(Props.str(in, "name")).priority(Props.integer(in, "priority"))
                .visibilityConfig(visibility(Props.map(in, "visibilityConfig")));
        Map<String, Object> rate = Props.map(in, "rateBasedStatement");
        if (!rate.isEmpty()) {
            return b.action(a -> a.block(x -> { })).statement(Statement.builder().rateBasedStatement(RateBasedStatement.builder()
                    .limit(Props.integer(rate, "limit").longValue()).aggregateKeyType(Props.str(rate, "aggregateKeyType"))
                    .evaluationWindowSec(Props.integer(rate, "evaluationWindowSec").longValue()).build()).build()).build();
        }
        Map<String, Object> group = Props.map(in, "managedRuleGroupStatement");
        return b.overrideAction(o -> o.none(x -> { })).statement(Statement.builder().managedRuleGroupStatement(ManagedRuleGroupStatement
                .builder().vendorName(Props.str(group, "vendorName")).name(Props.str(group, "name")).build()).build()).build();
    }

    static VisibilityConfig visibility(Map<String, Object> in) {
        return VisibilityConfig.builder().cloudWatchMetricsEnabled(Props.bool(in, "cloudWatchMetricsEnabled"))
                .sampledRequestsEnabled(Props.bool(in, "sampledRequestsEnabled")).metricName(Props.str(in, "metricName")).build();
    }

    static List<Object> fromSdk(List<Rule> rules) {
        return rules.stream().<Object>map(WafRules::rule).toList();
    }

    private static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("priority", r.priority());
        RateBasedStatement rate = r.statement().rateBasedStatement();
        if (rate != null) {
            m.put("action", r.action() != null && r.action().block() != null ? "block" : "other");
            m.put("rateBasedStatement", Map.of("limit", rate.limit(), "aggregateKeyType", rate.aggregateKeyTypeAsString(),
                    "evaluationWindowSec", rate.evaluationWindowSec() == null ? 300L : rate.evaluationWindowSec()));
        }
        ManagedRuleGroupStatement group = r.statement().managedRuleGroupStatement();
        if (group != null) {
            m.put("overrideAction", r.overrideAction() != null && r.overrideAction().none() != null ? "none" : "count");
            m.put("managedRuleGroupStatement", Map.of("vendorName", group.vendorName(), "name", group.name()));
        }
        m.put("visibilityConfig", visibility(r.visibilityConfig()));
        return m;
    }

    static Map<String, Object> visibility(VisibilityConfig v) {
        return Map.of("cloudWatchMetricsEnabled", v.cloudWatchMetricsEnabled(), "sampledRequestsEnabled", v.sampledRequestsEnabled(),
                "metricName", v.metricName());
    }
}

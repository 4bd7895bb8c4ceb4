package dev.infra.providers.elbv2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * aws.elbv2.ListenerRule: path patterns forwarded to a target group at a priority. Patterns and action change with
 * ModifyRule, the priority with SetRulePriorities. A retried create finds the rule by its priority on the listener.
 * Rules go with their listener, so the sweep leaves them to it.
 */
final class ListenerRuleProvider extends ElbProvider<Rule> {
    ListenerRuleProvider(Aws aws) {
        super(aws);
    }

    @Override
    public String type() {
        return ElbProviders.LISTENER_RULE.type();
    }

    private static RuleCondition paths(Map<String, Object> in) {
        return RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values(Props.strings(in, "pathPatterns"))).build();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        Rule rule = creating(() -> elb().createRule(b -> b.listenerArn(Props.str(in, "listenerArn")).priority(Props.integer(in, "priority"))
                .conditions(paths(in)).actions(Actions.toSdk(Props.map(in, "action"))).tags(tags(r.tags())))).rules().get(0);
        return applied(rule);
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        Integer priority = Props.integer(in, "priority");
        if (!Objects.equals(Props.integer(current.inputs(), "priority"), priority))
            aws.run(() -> elb().setRulePriorities(b -> b.rulePriorities(p -> p.ruleArn(current.physicalId()).priority(priority))));
        aws.run(() -> elb().modifyRule(b -> b.ruleArn(current.physicalId()).conditions(paths(in)).actions(Actions.toSdk(Props.map(in, "action")))));
        return new Applied(current.physicalId(), current.outputs());
    }

    private List<Rule> pages(Consumer<DescribeRulesRequest.Builder> filter) {
        return Pages.all(aws.retry(), m -> elb().describeRules(b -> {
            filter.accept(b);
            b.marker(m).pageSize(PAGE);
        }), DescribeRulesResponse::nextMarker, DescribeRulesResponse::rules);
    }

    @Override
    protected List<Rule> describeArns(List<String> arns) {
        return pages(b -> b.ruleArns(arns));
    }

    @Override
    protected String arn(Rule rule) {
        return rule.ruleArn();
    }

    @Override
    protected Map<String, Object> outputs(Rule rule) {
        return Map.of("arn", rule.ruleArn());
    }

    /** A rule's ARN is its listener's with {@code listener-rule} for {@code listener} and the rule's id appended. */
    static String listenerOf(String ruleArn) {
        return ruleArn.substring(0, ruleArn.lastIndexOf('/')).replace(":listener-rule/", ":listener/");
    }

    @Override
    protected Map<String, Object> liveInputs(Rule rule, ResourceHandle h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listenerArn", listenerOf(rule.ruleArn()));
        m.put("priority", Integer.parseInt(rule.priority()));
        m.put("pathPatterns", rule.conditions().stream().filter(c -> "path-pattern".equals(c.field()))
                .flatMap(c -> c.pathPatternConfig() != null ? c.pathPatternConfig().values().stream() : c.values().stream()).toList());
        m.put("action", Actions.fromSdk(rule.actions(), Props.map(h.inputs(), "action")));
        return m;
    }

    @Override
    protected Optional<Rule> lookup(ResourceRequest r) {
        String priority = String.valueOf(Props.integer(r.inputs(), "priority"));
        return first(() -> pages(b -> b.listenerArn(Props.str(r.inputs(), "listenerArn"))).stream()
                .filter(x -> priority.equals(x.priority())).toList());
    }

    @Override
    protected void deleteArn(String arn) {
        elb().deleteRule(b -> b.ruleArn(arn));
    }
}

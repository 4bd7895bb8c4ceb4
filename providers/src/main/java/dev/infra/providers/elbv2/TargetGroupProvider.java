package dev.infra.providers.elbv2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.PerItemRead;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * aws.elbv2.TargetGroup with the spec's health check and its deregistration delay (an attribute, set after the
 * create and on every update, and read back with one DescribeTargetGroupAttributes per group, so drift in it shows).
 */
final class TargetGroupProvider extends ElbProvider<TargetGroup> {
    private static final int AWS_DEFAULT_DELAY = 300;
    private static final String DELAY_ATTRIBUTE = "deregistration_delay.timeout_seconds";

    TargetGroupProvider(Aws aws) {
        super(aws);
    }

    @Override
    public String type() {
        return ElbProviders.TARGET_GROUP.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        Map<String, Object> hc = Props.map(in, "healthCheck");
        TargetGroup g = creating(() -> elb().createTargetGroup(b -> b.name(Props.str(in, "name")).protocol(Props.str(in, "protocol"))
                .port(Props.integer(in, "port")).vpcId(Props.str(in, "vpcId")).targetType(Props.str(in, "targetType"))
                .healthCheckPath(Props.str(hc, "path")).healthCheckIntervalSeconds(Props.integer(hc, "intervalSeconds"))
                .healthCheckTimeoutSeconds(Props.integer(hc, "timeoutSeconds")).healthyThresholdCount(Props.integer(hc, "healthyThreshold"))
                .unhealthyThresholdCount(Props.integer(hc, "unhealthyThreshold")).matcher(m -> m.httpCode(Props.str(hc, "matcher", "200")))
                .tags(tags(r.tags())))).targetGroups().get(0);
        return applied(settle(g, r));
    }

    @Override
    protected TargetGroup settle(TargetGroup g, ResourceRequest r) {
        Integer delay = Props.integer(r.inputs(), "deregistrationDelaySeconds");
        String value = String.valueOf(delay == null ? AWS_DEFAULT_DELAY : delay);
        aws.run(() -> elb().modifyTargetGroupAttributes(b -> b.targetGroupArn(g.targetGroupArn())
                .attributes(a -> a.key(DELAY_ATTRIBUTE).value(value))));
        return g;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> hc = Props.map(r.inputs(), "healthCheck");
        TargetGroup g = aws.call(() -> elb().modifyTargetGroup(b -> b.targetGroupArn(current.physicalId())
                .healthCheckPath(Props.str(hc, "path")).healthCheckIntervalSeconds(Props.integer(hc, "intervalSeconds"))
                .healthCheckTimeoutSeconds(Props.integer(hc, "timeoutSeconds")).healthyThresholdCount(Props.integer(hc, "healthyThreshold"))
                .unhealthyThresholdCount(Props.integer(hc, "unhealthyThreshold")).matcher(m -> m.httpCode(Props.str(hc, "matcher", "200")))))
                .targetGroups().get(0);
        return applied(settle(g, r));
    }

    private Integer deregistrationDelay(String arn) {
        return aws.call(() -> elb().describeTargetGroupAttributes(b -> b.targetGroupArn(arn))).attributes().stream()
                .filter(a -> a.key().equals(DELAY_ATTRIBUTE)).map(a -> Integer.valueOf(a.value())).findFirst().orElse(AWS_DEFAULT_DELAY);
    }

    private List<TargetGroup> pages(Consumer<DescribeTargetGroupsRequest.Builder> filter) {
        return Pages.all(aws.retry(), m -> elb().describeTargetGroups(b -> {
            filter.accept(b);
            b.marker(m).pageSize(PAGE);
        }), DescribeTargetGroupsResponse::nextMarker, DescribeTargetGroupsResponse::targetGroups);
    }

    @Override
    protected List<TargetGroup> describeArns(List<String> arns) {
        return pages(b -> b.targetGroupArns(arns));
    }

    @Override
    protected String arn(TargetGroup g) {
        return g.targetGroupArn();
    }

    @Override
    protected java.util.Set<String> usedBy(TargetGroup g) {
        return java.util.Set.copyOf(g.loadBalancerArns());
    }

    @Override
    protected Map<String, Object> outputs(TargetGroup g) {
        return Map.of("arn", g.targetGroupArn(), "name", g.targetGroupName());
    }

    @Override
    protected Map<String, Object> liveInputs(TargetGroup g, ResourceHandle h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.targetGroupName());
        m.put("port", g.port());
        m.put("protocol", g.protocolAsString());
        m.put("targetType", g.targetTypeAsString());
        m.put("vpcId", g.vpcId());
        Map<String, Object> hc = new LinkedHashMap<>();
        hc.put("path", g.healthCheckPath());
        hc.put("intervalSeconds", g.healthCheckIntervalSeconds());
        hc.put("timeoutSeconds", g.healthCheckTimeoutSeconds());
        hc.put("healthyThreshold", g.healthyThresholdCount());
        hc.put("unhealthyThreshold", g.unhealthyThresholdCount());
        hc.put("matcher", g.matcher() == null ? null : g.matcher().httpCode());
        m.put("healthCheck", hc);
        PerItemRead.put(m, "deregistrationDelaySeconds", () -> deregistrationDelay(g.targetGroupArn()));
        return m;
    }

    @Override
    protected Optional<TargetGroup> lookup(ResourceRequest r) {
        return first(() -> pages(b -> b.names(Props.str(r.inputs(), "name"))));
    }

    @Override
    protected List<TargetGroup> all() {
        return pages(b -> { });
    }

    @Override
    protected boolean namedForStage(TargetGroup tg, dev.infra.core.provider.StageContext stage) {
        return tg.targetGroupName().startsWith(StageNames.prefix(stage, dev.infra.core.component.Naming.TARGET_GROUP));
    }

    @Override
    protected void deleteArn(String arn) {
        elb().deleteTargetGroup(b -> b.targetGroupArn(arn));
    }
}

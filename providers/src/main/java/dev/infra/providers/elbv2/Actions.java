package dev.infra.providers.elbv2;

import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A listener's or rule's action between the inputs' shape ({@code {type: forward, targetGroupArn}} or
 * {@code {type: fixed-response, statusCode}}) and the SDK's, both ways, so a read compares like with like.
 */
final class Actions {
    private Actions() { }

    static Action toSdk(Map<String, Object> in) {
        String type = Props.str(in, "type");
        if ("fixed-response".equals(type)) return Action.builder().type(ActionTypeEnum.FIXED_RESPONSE)
                .fixedResponseConfig(f -> f.statusCode(Props.str(in, "statusCode")).contentType(Props.str(in, "contentType", "text/plain"))).build();
        if ("forward".equals(type)) return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(Props.str(in, "targetGroupArn")).build();
        throw new IllegalArgumentException("unsupported load balancer action type '" + type + "'");
    }

    static Map<String, Object> fromSdk(List<Action> actions, Map<String, Object> recorded) {
        if (actions.isEmpty()) return Map.of();
        Action a = actions.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", a.typeAsString());
        if (a.type() == ActionTypeEnum.FORWARD) out.put("targetGroupArn", a.targetGroupArn() != null ? a.targetGroupArn()
                : a.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn).findFirst().orElse(""));
        if (a.type() == ActionTypeEnum.FIXED_RESPONSE) {
            out.put("statusCode", a.fixedResponseConfig().statusCode());
            if (recorded.containsKey("contentType")) out.put("contentType", a.fixedResponseConfig().contentType());
        }
        return out;
    }
}

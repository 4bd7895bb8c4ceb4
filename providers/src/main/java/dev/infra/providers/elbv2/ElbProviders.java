package dev.infra.providers.elbv2;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

import static dev.infra.core.component.ReplaceOrder.CREATE_FIRST;

/** The Elastic Load Balancing v2 resource types. */
public final class ElbProviders {
    public static final ResourceSchema LOAD_BALANCER = ResourceSchema.of("aws.elbv2.LoadBalancer")
            .takesInputs("name:string", "scheme:string", "type:string", "subnets:list", "securityGroups:list").forceNew("name", "scheme", "type", "subnets").outputs("arn", "dnsName", "zoneId").named("name").takes(180);
    public static final ResourceSchema TARGET_GROUP = ResourceSchema.of("aws.elbv2.TargetGroup")
            .takesInputs("name:string", "port:number", "protocol:string", "targetType:string", "vpcId:string",
            "deregistrationDelaySeconds:number", "healthCheck:object").forceNew("name", "port", "protocol", "vpcId", "targetType").outputs("arn", "name").named("name");
    public static final ResourceSchema LISTENER = ResourceSchema.of("aws.elbv2.Listener")
            .takesInputs("loadBalancerArn:string", "port:number", "protocol:string", "certificateArn:string?", "defaultAction:object").forceNew("loadBalancerArn").outputs("arn").replacing(CREATE_FIRST);
    public static final ResourceSchema LISTENER_RULE = ResourceSchema.of("aws.elbv2.ListenerRule")
            .takesInputs("listenerArn:string", "priority:number", "pathPatterns:list", "action:object").forceNew("listenerArn").outputs("arn").replacing(CREATE_FIRST);

    private ElbProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(LOAD_BALANCER, TARGET_GROUP, LISTENER, LISTENER_RULE);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new LoadBalancerProvider(aws), new TargetGroupProvider(aws), new ListenerProvider(aws), new ListenerRuleProvider(aws));
    }
}

package dev.infra.providers.conformance;

import dev.infra.core.component.InputSpec;
import dev.infra.core.component.ResourceSchema;
import dev.infra.providers.aws.Props;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For every input that does not force replacement, another valid value to update it to. By kind where any other
 * value is valid (a boolean's negation, a number plus one, a free-text name or description with a suffix); from
 * {@link #TABLE} where the key takes a value from a domain (a retention AWS accepts, an enumeration, a policy, the id
 * of something that exists, made by {@link Helpers}): there the table is the only source, and a key in neither fails
 * its case.
 */
final class Variations {
    /** Another valid value for a key, given the inputs it is varied from. */
    interface Alternative {
        Object value(Map<String, Object> current, Helpers help);
    }

    /** A value that takes the place of other keys (a route's one target): they are left out of the inputs. */
    record Switch(Object value, List<String> unset) { }

    private static final Map<String, Alternative> TABLE = new HashMap<>();

    static {
        put("aws.iam.Role", "assumeRoleService", (in, h) -> "ecs-tasks.amazonaws.com".equals(in.get("assumeRoleService")) ? "codedeploy.amazonaws.com" : "ecs-tasks.amazonaws.com");
        put("aws.iam.Role", "managedPolicyArns", (in, h) -> List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        put("aws.iam.Role", "inlinePolicy", (in, h) -> Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                "Action", List.of("s3:GetObject"), "Resource", List.of("arn:aws:s3:::conformance/*")))));
        put("aws.logs.LogGroup", "retentionInDays", (in, h) -> 60);
        put("aws.ecr.Repository", "imageTagMutability", (in, h) -> "MUTABLE".equals(in.get("imageTagMutability")) ? "IMMUTABLE" : "MUTABLE");
        put("aws.ecr.Repository", "encryptionType", (in, h) -> "KMS");
        put("aws.codedeploy.Application", "computePlatform", (in, h) -> "Server");
        codeDeploy();
        network();
        containers();
        balancing();
        databases();
        put("aws.wafv2.WebAcl", "defaultAction", (in, h) -> "block");
        put("aws.wafv2.WebAcl", "rules", (in, h) -> Props.list(in, "rules").subList(0, 1));
        put("aws.wafv2.WebAcl", "visibilityConfig", (in, h) -> with(Props.map(in, "visibilityConfig"), "cloudWatchMetricsEnabled", false));
    }

    private static void codeDeploy() {
        String group = "aws.codedeploy.DeploymentGroup";
        put(group, "autoRollbackEvents", (in, h) -> List.of("DEPLOYMENT_FAILURE"));
        put(group, "deploymentConfigName", (in, h) -> "CodeDeployDefault.ECSLinear10PercentEvery1Minutes");
        put(group, "serviceRoleArn", (in, h) -> h.role("codedeploy.amazonaws.com").outputs().get("arn"));
        put(group, "targetGroupNames", (in, h) -> reversed(Props.strings(in, "targetGroupNames")));
        put(group, "prodListenerArns", (in, h) -> Props.strings(in, "testListenerArns"));
        put(group, "testListenerArns", (in, h) -> List.of());
        put(group, "ecsService", (in, h) -> with(Props.map(in, "ecsService"), "serviceName", h.make("aws.ecs.Service",
                LookAlikes.renamed("aws.ecs.Service", h.inputs("api/service"), "cnf", h.stage())).outputs().get("name")));
    }

    private static void network() {
        put("aws.ec2.Instance", "iamInstanceProfile", (in, h) -> h.role("ec2.amazonaws.com").outputs().get("instanceProfileArn"));
        put("aws.ec2.Instance", "metadataHttpTokens", (in, h) -> "required".equals(in.get("metadataHttpTokens")) ? "optional" : "required");
        put("aws.ec2.Instance", "securityGroupIds", (in, h) -> List.of(h.securityGroup()));
        put("aws.ec2.Instance", "userData", (in, h) -> "#!/bin/sh\necho conformance\n");
        put("aws.ec2.Route", "networkInterfaceId", (in, h) -> h.make("aws.ec2.Instance", LookAlikes.renamed("aws.ec2.Instance",
                h.inputs("vpc/natInstance"), "cnf", h.stage())).outputs().get("primaryNetworkInterfaceId"));
        put("aws.ec2.Route", "gatewayId", (in, h) -> new Switch(h.output("vpc/internetGateway", "id"), List.of("networkInterfaceId", "natGatewayId")));
        put("aws.ec2.Route", "natGatewayId", (in, h) -> new Switch(h.make("aws.ec2.NatGateway", Map.of("subnetId", h.output("vpc/publicSubnet1", "id"),
                "allocationId", h.make("aws.ec2.Eip", Map.of("domain", "vpc", "name", "conformance")).outputs().get("allocationId"),
                "name", "conformance")).physicalId(), List.of("networkInterfaceId", "gatewayId")));
        put("aws.ec2.RouteTableAssociation", "routeTableId", (in, h) -> h.make("aws.ec2.RouteTable",
                Map.of("vpcId", h.output("vpc/vpc", "id"), "name", "conformance")).physicalId());
        put("aws.ec2.SecurityGroup", "ingress", (in, h) -> List.of(Map.of("cidrIp", "10.0.0.0/16", "fromPort", 443, "protocol", "tcp", "toPort", 443)));
        put("aws.ec2.SecurityGroup", "egress", (in, h) -> List.of(Map.of("cidrIp", "0.0.0.0/0", "protocol", "-1")));
    }

    private static void containers() {
        put("aws.ecs.Cluster", "containerInsights", (in, h) -> "enabled".equals(in.get("containerInsights")) ? "disabled" : "enabled");
        put("aws.ecs.Service", "taskDefinition", (in, h) -> h.make("aws.ecs.TaskDefinition",
                with(h.inputs("erp/taskDefinition"), "cpu", "512")).outputs().get("arn"));
        put("aws.ecs.Service", "subnets", (in, h) -> Props.strings(in, "subnets").subList(0, 1));
        put("aws.ecs.Service", "securityGroups", (in, h) -> List.of(h.securityGroup()));
        put("aws.ecs.Service", "deploymentCircuitBreaker", (in, h) -> Map.of("enable", true, "rollback", false));
        put("aws.appautoscaling.Policy", "predefinedMetricType", (in, h) -> "ECSServiceAverageMemoryUtilization");
    }

    private static void balancing() {
        put("aws.elbv2.LoadBalancer", "securityGroups", (in, h) -> List.of(h.securityGroup()));
        put("aws.elbv2.LoadBalancer", "type", (in, h) -> "network");
        put("aws.elbv2.TargetGroup", "healthCheck", (in, h) -> with(Props.map(in, "healthCheck"), "path", "/conformance"));
        put("aws.elbv2.Listener", "defaultAction", (in, h) -> Map.of("type", "fixed-response", "statusCode", "403"));
        put("aws.elbv2.Listener", "protocol", (in, h) -> "HTTPS");
        put("aws.elbv2.Listener", "certificateArn", (in, h) -> "arn:aws:acm:us-east-1:" + "123456789012:certificate/conformance");
        put("aws.elbv2.ListenerRule", "action", (in, h) -> Map.of("type", "fixed-response", "statusCode", "403"));
        put("aws.elbv2.ListenerRule", "pathPatterns", (in, h) -> List.of("/v2/*"));
    }

    private static void databases() {
        put("aws.rds.Cluster", "engineVersion", (in, h) -> "17.5");
        put("aws.rds.Cluster", "masterUsername", (in, h) -> "conformance");
        put("aws.rds.Cluster", "serverlessV2ScalingConfiguration", (in, h) -> with(Props.map(in, "serverlessV2ScalingConfiguration"), "maxCapacity", 8.0));
        put("aws.rds.Cluster", "vpcSecurityGroupIds", (in, h) -> List.of(h.securityGroup()));
        put("aws.rds.DbSubnetGroup", "subnetIds", (in, h) -> List.of(Props.strings(in, "subnetIds").get(0), h.make("aws.ec2.Subnet",
                Map.of("vpcId", h.output("vpc/vpc", "id"), "cidrBlock", "10.0.250.0/24", "availabilityZone", "us-east-1c",
                        "mapPublicIpOnLaunch", false, "name", "conformance")).physicalId()));
        put("aws.rds.Instance", "dbInstanceClass", (in, h) -> "db.r6g.large");
        put("aws.rds.Proxy", "auth", (in, h) -> List.of(with(Props.maps(in, "auth").get(0), "iamAuth", "REQUIRED")));
        put("aws.rds.Proxy", "roleArn", (in, h) -> h.role("rds.amazonaws.com").outputs().get("arn"));
        put("aws.rds.Proxy", "targetDbClusterIdentifier", (in, h) -> h.make("aws.rds.Cluster",
                LookAlikes.renamed("aws.rds.Cluster", h.inputs("db/cluster"), "cnf", h.stage())).physicalId());
        put("aws.rds.Proxy", "vpcSecurityGroupIds", (in, h) -> List.of(h.securityGroup()));
    }

    private Variations() { }

    private static void put(String type, String key, Alternative a) {
        if (TABLE.put(type + " " + key, a) != null) throw new IllegalStateException("declared twice: " + type + " " + key);
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new TreeMap<>(m);
        out.put(key, value);
        return out;
    }

    private static List<String> reversed(List<String> l) {
        List<String> out = new ArrayList<>(l);
        Collections.reverse(out);
        return out;
    }

    static Optional<Alternative> of(ResourceSchema schema, String key) {
        Alternative a = TABLE.get(schema.type() + " " + key);
        if (a != null) return Optional.of(a);
        InputSpec spec = schema.inputs().get(key);
        return switch (spec.kind()) {
            case BOOLEAN -> Optional.of((in, h) -> !Props.bool(in, key));
            case NUMBER -> Optional.of((in, h) -> Props.number(in, key) == null ? 1 : Props.integer(in, key) + 1);
            case STRING -> key.equals("name") || key.equals("description")
                    ? Optional.of((in, h) -> Props.str(in, key, "conformance") + "-2") : Optional.empty();
            default -> Optional.empty();
        };
    }
}

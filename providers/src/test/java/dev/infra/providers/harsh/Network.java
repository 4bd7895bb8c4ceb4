package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;

import java.util.List;
import java.util.Map;

/** A VPC with two public subnets, a load balancer's security group and an internet-facing ALB, made through the providers. */
final class Network {
    final ResourceHandle vpc;
    final ResourceHandle subnetA;
    final ResourceHandle subnetB;
    final ResourceHandle group;
    private final ProviderFixture f;

    Network(ProviderFixture f) {
        this.f = f;
        vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "name", "v"));
        subnetA = subnet("net/public1", "10.0.0.0/20", "us-east-1a");
        subnetB = subnet("net/public2", "10.0.16.0/20", "us-east-1b");
        group = f.create("web/lbSecurityGroup", "aws.ec2.SecurityGroup", Map.of("vpcId", vpc.physicalId(), "name", "lb",
                "description", "lb", "ingress", List.of(), "egress", List.of(Map.of("protocol", "-1", "cidrIp", "10.0.0.0/16"))));
    }

    private ResourceHandle subnet(String address, String cidr, String zone) {
        return f.create(address, "aws.ec2.Subnet", Map.of("vpcId", vpc.physicalId(), "cidrBlock", cidr, "availabilityZone", zone,
                "mapPublicIpOnLaunch", true));
    }

    ResourceHandle balancer(String name) {
        return f.create("web/loadBalancer", "aws.elbv2.LoadBalancer", Map.of("name", name, "scheme", "internet-facing", "type", "application",
                "subnets", List.of(subnetA.physicalId(), subnetB.physicalId()), "securityGroups", List.of(group.physicalId())));
    }

    ResourceHandle targetGroup(String vpcId, String name) {
        return f.create("web/targetGroup", "aws.elbv2.TargetGroup", Map.of("name", name, "port", 3000, "protocol", "HTTP", "targetType", "ip",
                "vpcId", vpcId, "deregistrationDelaySeconds", 30, "healthCheck", Map.of("path", "/health", "intervalSeconds", 30,
                        "timeoutSeconds", 5, "healthyThreshold", 2, "unhealthyThreshold", 3, "matcher", "200-399")));
    }

    ResourceHandle listener(ResourceHandle lb, ResourceHandle tg) {
        return f.create("web/listener80", "aws.elbv2.Listener", Map.of("loadBalancerArn", lb.physicalId(), "port", 80, "protocol", "HTTP",
                "defaultAction", Map.of("type", "forward", "targetGroupArn", tg.physicalId())));
    }
}

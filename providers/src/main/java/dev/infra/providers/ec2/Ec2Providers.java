package dev.infra.providers.ec2;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The EC2 resource types: the network of a VPC component, its NAT and bastion instances, security groups. */
public final class Ec2Providers {
    private Ec2Providers() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new VpcProvider(aws), new SubnetProvider(aws), new InternetGatewayProvider(aws),
                new RouteTableProvider(aws), new RouteProvider(aws), new RouteTableAssociationProvider(aws),
                new EipProvider(aws), new NatGatewayProvider(aws), new InstanceProvider(aws),
                new SecurityGroupProvider(aws), new SecurityGroupIngressProvider(aws));
    }
}

package dev.infra.providers.ec2;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

import static dev.infra.core.component.ReplaceOrder.CREATE_FIRST;

/** The EC2 resource types: the network of a VPC component, its NAT and bastion instances, security groups. */
public final class Ec2Providers {
    public static final ResourceSchema VPC = ResourceSchema.of("aws.ec2.Vpc")
            .takesInputs("cidrBlock:string", "enableDnsHostnames:boolean", "enableDnsSupport:boolean", "name:string").forceNew("cidrBlock").outputs("id", "arn").replacing(CREATE_FIRST).named("name").takes(5);
    public static final ResourceSchema INTERNET_GATEWAY = ResourceSchema.of("aws.ec2.InternetGateway")
            .takesInputs("vpcId:string", "name:string").forceNew("vpcId").outputs("id").replacing(CREATE_FIRST).named("name");
    public static final ResourceSchema ROUTE_TABLE = ResourceSchema.of("aws.ec2.RouteTable")
            .takesInputs("vpcId:string", "name:string").forceNew("vpcId").outputs("id").replacing(CREATE_FIRST).named("name");
    public static final ResourceSchema ROUTE = ResourceSchema.of("aws.ec2.Route")
            .takesInputs("routeTableId:string", "destinationCidrBlock:string", "gatewayId:string?", "natGatewayId:string?",
            "networkInterfaceId:string?").forceNew("routeTableId", "destinationCidrBlock").outputs("id").replacing(CREATE_FIRST);
    public static final ResourceSchema SUBNET = ResourceSchema.of("aws.ec2.Subnet")
            .takesInputs("vpcId:string", "cidrBlock:string", "availabilityZone:string", "mapPublicIpOnLaunch:boolean", "name:string").forceNew("vpcId", "cidrBlock", "availabilityZone").outputs("id", "arn").named("name").takes(5);
    public static final ResourceSchema ROUTE_TABLE_ASSOCIATION = ResourceSchema.of("aws.ec2.RouteTableAssociation")
            .takesInputs("routeTableId:string", "subnetId:string").forceNew("subnetId").outputs("id").replacing(CREATE_FIRST);
    public static final ResourceSchema EIP = ResourceSchema.of("aws.ec2.Eip")
            .takesInputs("domain:string", "name:string").forceNew("domain").outputs("id", "allocationId", "publicIp").replacing(CREATE_FIRST).named("name");
    public static final ResourceSchema NAT_GATEWAY = ResourceSchema.of("aws.ec2.NatGateway")
            .takesInputs("subnetId:string", "allocationId:string", "name:string").forceNew("subnetId", "allocationId").outputs("id").named("name").takes(120);
    public static final ResourceSchema INSTANCE = ResourceSchema.of("aws.ec2.Instance")
            .takesInputs("name:string", "instanceType:string", "imageSsmParameter:string", "subnetId:string",
            "securityGroupIds:list", "iamInstanceProfile:string?", "metadataHttpTokens:string", "associatePublicIpAddress:boolean",
            "sourceDestCheck:boolean?", "userData:string?").forceNew("imageSsmParameter", "subnetId", "instanceType", "associatePublicIpAddress", "userData")
            .outputs("id", "primaryNetworkInterfaceId", "privateIp").replacing(CREATE_FIRST).named("name").takes(60);
    public static final ResourceSchema SECURITY_GROUP = ResourceSchema.of("aws.ec2.SecurityGroup")
            .takesInputs("vpcId:string", "name:string", "description:string", "ingress:list", "egress:list").forceNew("vpcId", "name", "description").outputs("id", "arn").named("name");
    public static final ResourceSchema SECURITY_GROUP_INGRESS = ResourceSchema.of("aws.ec2.SecurityGroupIngress")
            .takesInputs("groupId:string", "sourceSecurityGroupId:string", "protocol:string", "fromPort:number",
            "toPort:number").forceNew("groupId", "sourceSecurityGroupId", "fromPort", "toPort", "protocol")
            .outputs("id").replacing(CREATE_FIRST);

    private Ec2Providers() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(VPC, INTERNET_GATEWAY, ROUTE_TABLE, ROUTE, SUBNET, ROUTE_TABLE_ASSOCIATION, EIP, NAT_GATEWAY, INSTANCE, SECURITY_GROUP, SECURITY_GROUP_INGRESS);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new VpcProvider(aws), new SubnetProvider(aws), new InternetGatewayProvider(aws),
                new RouteTableProvider(aws), new RouteProvider(aws), new RouteTableAssociationProvider(aws),
                new EipProvider(aws), new NatGatewayProvider(aws), new InstanceProvider(aws),
                new SecurityGroupProvider(aws), new SecurityGroupIngressProvider(aws));
    }
}

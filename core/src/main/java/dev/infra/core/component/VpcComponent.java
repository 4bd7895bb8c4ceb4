package dev.infra.core.component;

import dev.infra.core.model.VpcDef;

import java.util.List;
import java.util.Map;

import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/**
 * {@code type: vpc} → Vpc, InternetGateway, a public route table with its default route, per AZ a public and a
 * private Subnet (the VPC CIDR split in 16 blocks: public i = block i-1, private i = block i+7) with route table
 * associations, NAT per {@code nat} (managed: Eip + NatGateway per AZ; ec2: one NAT Instance; none: no egress from
 * private subnets), and an SSM-reachable bastion with a security group that admits nothing.
 */
final class VpcComponent implements Component<VpcDef> {
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";

    @Override
    public String type() {
        return "vpc";
    }

    @Override
    public void expand(VpcDef v, Emitter out, Expansion ctx) {
        String vpc = out.add("vpc", "aws.ec2.Vpc", map("cidrBlock", v.cidr(), "enableDnsHostnames", true,
                "enableDnsSupport", true, "name", out.name("")));
        String igw = out.add("internetGateway", "aws.ec2.InternetGateway", map("vpcId", ref(vpc, "id"), "name", out.name("igw")));
        String publicRt = out.add("publicRouteTable", "aws.ec2.RouteTable", map("vpcId", ref(vpc, "id"), "name", out.name("public")));
        out.add("publicRoute", "aws.ec2.Route", map("routeTableId", ref(publicRt, "id"),
                "destinationCidrBlock", "0.0.0.0/0", "gatewayId", ref(igw, "id")));
        String region = ctx.config().region();
        for (int i = 1; i <= v.azs(); i++) {
            String az = region + (char) ('a' + i - 1);
            String pub = out.add("publicSubnet" + i, "aws.ec2.Subnet", map("vpcId", ref(vpc, "id"),
                    "cidrBlock", Subnets.block(v.cidr(), i - 1), "availabilityZone", az, "mapPublicIpOnLaunch", true,
                    "name", out.name("public" + i)));
            out.add("publicSubnet" + i + "Association", "aws.ec2.RouteTableAssociation",
                    map("routeTableId", ref(publicRt, "id"), "subnetId", ref(pub, "id")));
            String priv = out.add("privateSubnet" + i, "aws.ec2.Subnet", map("vpcId", ref(vpc, "id"),
                    "cidrBlock", Subnets.block(v.cidr(), i + 7), "availabilityZone", az, "mapPublicIpOnLaunch", false,
                    "name", out.name("private" + i)));
            String rt = out.add("privateRouteTable" + i, "aws.ec2.RouteTable", map("vpcId", ref(vpc, "id"), "name", out.name("private" + i)));
            out.add("privateSubnet" + i + "Association", "aws.ec2.RouteTableAssociation",
                    map("routeTableId", ref(rt, "id"), "subnetId", ref(priv, "id")));
        }
        new NatParts(v, out).expand();
        if (v.bastion()) bastion(v, out);
    }

    private static void bastion(VpcDef v, Emitter out) {
        String sg = out.add("bastionSecurityGroup", "aws.ec2.SecurityGroup", map("vpcId", ref(out.address("vpc"), "id"),
                "name", out.name("bastion"), "description", "bastion: no ingress, reached through SSM Session Manager",
                "ingress", List.of(), "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
        String role = out.add("bastionRole", "aws.iam.Role", map("name", out.name("bastion", Naming.IAM_ROLE),
                "assumeRoleService", "ec2.amazonaws.com",
                "managedPolicyArns", List.of(Inputs.concat("arn:", ref(Expansion.ACCOUNT, "partition"), ":iam::aws:policy/AmazonSSMManagedInstanceCore")),
                "createInstanceProfile", true));
        out.add("bastion", "aws.ec2.Instance", map("name", out.name("bastion"), "instanceType", "t4g.nano",
                "imageSsmParameter", AMI_PARAMETER, "subnetId", ref(out.address("publicSubnet1"), "id"),
                "securityGroupIds", List.of(ref(sg, "id")), "iamInstanceProfile", ref(role, "instanceProfileArn"),
                "metadataHttpTokens", "required", "associatePublicIpAddress", true), out.address("internetGateway"));
    }

    @Override
    public Map<String, Object> outputs(VpcDef v, Expansion ctx) {
        return map("id", ctx.vpcId(v.name()), "cidr", v.cidr(), "publicSubnets", ctx.subnets(v.name(), false),
                "privateSubnets", ctx.subnets(v.name(), true));
    }
}

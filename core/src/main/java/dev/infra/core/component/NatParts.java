package dev.infra.core.component;

import dev.infra.core.model.VpcDef;

import java.util.List;
import java.util.Map;

import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/**
 * The egress of a VPC's private subnets: a NAT gateway per AZ, one NAT instance, or none. What holds a public address
 * depends on the internet gateway, as in AWS: it is made after the gateway is attached, and deleted before the gateway
 * is detached (a detach fails while the VPC has mapped public addresses).
 */
final class NatParts {
    private final VpcDef v;
    private final Emitter out;

    NatParts(VpcDef v, Emitter out) {
        this.v = v;
        this.out = out;
    }

    void expand() {
        if (v.nat() == VpcDef.NatMode.MANAGED) managed();
        else if (v.nat() == VpcDef.NatMode.EC2) instance();
    }

    private void managed() {
        for (int i = 1; i <= v.azs(); i++) {
            String eip = out.add("natEip" + i, "aws.ec2.Eip", map("domain", "vpc", "name", out.name("nat" + i)), igw());
            String nat = out.add("natGateway" + i, "aws.ec2.NatGateway", map("subnetId", ref(out.address("publicSubnet" + i), "id"),
                    "allocationId", ref(eip, "allocationId"), "name", out.name("nat" + i)), igw());
            route(i, "natGatewayId", ref(nat, "id"));
        }
    }

    private void instance() {
        String sg = out.add("natSecurityGroup", "aws.ec2.SecurityGroup", map("vpcId", ref(out.address("vpc"), "id"),
                "name", out.name("nat"), "description", "NAT instance: traffic from inside the VPC only",
                "ingress", List.of(Map.of("protocol", "-1", "cidrIp", v.cidr())),
                "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
        String nat = out.add("natInstance", "aws.ec2.Instance", map("name", out.name("nat"), "instanceType", "t4g.nano",
                "imageSsmParameter", VpcComponent.AMI_PARAMETER, "subnetId", ref(out.address("publicSubnet1"), "id"),
                "securityGroupIds", List.of(ref(sg, "id")), "sourceDestCheck", false, "associatePublicIpAddress", true,
                "metadataHttpTokens", "required", "userData", NAT_USER_DATA), igw());
        for (int i = 1; i <= v.azs(); i++) route(i, "networkInterfaceId", ref(nat, "primaryNetworkInterfaceId"));
    }

    private String igw() {
        return out.address("internetGateway");
    }

    private void route(int i, String targetKey, Object target) {
        out.add("privateRoute" + i, "aws.ec2.Route", map("routeTableId", ref(out.address("privateRouteTable" + i), "id"),
                "destinationCidrBlock", "0.0.0.0/0", targetKey, target));
    }

    private static final String NAT_USER_DATA = String.join("\n", "#!/bin/bash",
            "dnf install -y iptables-services && systemctl enable --now iptables",
            "sysctl -w net.ipv4.ip_forward=1 && echo net.ipv4.ip_forward=1 > /etc/sysctl.d/90-nat.conf",
            "iface=$(ip route show default | awk '{print $5}')",
            "iptables -t nat -A POSTROUTING -o \"$iface\" -j MASQUERADE && iptables -F FORWARD && service iptables save", "");
}

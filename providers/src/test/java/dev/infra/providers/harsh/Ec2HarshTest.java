package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Harsh FakeAws: EC2 not yet knowing an id it has just handed out. */
class Ec2HarshTest {
    private final ProviderFixture f = new ProviderFixture();
    private final List<String> waits = new ArrayList<>();

    @Test
    void aNewVpcSubnetGroupAndGatewayAreSetUpOnceEc2KnowsTheirIds() {
        f.fake.harsh(13);
        Ec2Client ec2 = f.client(Ec2Client.class);
        String raw = ec2.createVpc(b -> b.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        assertThatThrownBy(() -> ec2.modifyVpcAttribute(b -> b.vpcId(raw).enableDnsHostnames(v -> v.value(true))))
                .as("without a retry").hasMessageContaining("InvalidVpcID.NotFound");

        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "name", "v",
                "enableDnsSupport", true, "enableDnsHostnames", true), waits);
        f.create("net/public1", "aws.ec2.Subnet", Map.of("vpcId", vpc.physicalId(), "cidrBlock", "10.0.0.0/20", "availabilityZone", "us-east-1a",
                "mapPublicIpOnLaunch", true), waits);
        ResourceHandle sg = f.create("web/securityGroup", "aws.ec2.SecurityGroup", Map.of("vpcId", vpc.physicalId(), "name", "web", "description", "web",
                "ingress", List.of(Map.of("protocol", "tcp", "fromPort", 80, "toPort", 80, "cidrIp", "0.0.0.0/0")),
                "egress", List.of(Map.of("protocol", "-1", "cidrIp", "10.0.0.0/16"))), waits);
        f.create("net/igw", "aws.ec2.InternetGateway", Map.of("vpcId", vpc.physicalId(), "name", "igw"), waits);
        assertThat(waits).as("EC2 did not know some new id at once").anyMatch(w -> w.matches("EC2 does not know \\w[\\w ]* \\S+ yet \\(AWS propagation\\), \\d+ s"));
        assertThat(f.fake.harshRefusals()).containsKeys("InvalidVpcID.NotFound");
        assertThat(f.provider("aws.ec2.SecurityGroup").read(List.of(sg)).get("web/securityGroup").inputs().get("ingress"))
                .as("the rules were set once the group was known").isEqualTo(sg.inputs().get("ingress"));
    }

    @Test
    void aNatGatewayTakesMinutesToDeleteAndHoldsItsAddressAndTheGatewayOfItsVpcMeanwhile() {
        f.fake.harsh(15);
        Network net = new Network(f);
        ResourceHandle igw = f.create("net/igw", "aws.ec2.InternetGateway", Map.of("vpcId", net.vpc.physicalId(), "name", "igw"));
        ResourceHandle eip = f.create("net/eip", "aws.ec2.Eip", Map.of("domain", "vpc", "name", "nat"));
        ResourceHandle nat = f.create("net/nat", "aws.ec2.NatGateway", Map.of("subnetId", net.subnetA.physicalId(), "allocationId", eip.physicalId(),
                "name", "nat"));
        Ec2Client ec2 = f.client(Ec2Client.class);
        ec2.deleteNatGateway(b -> b.natGatewayId(nat.physicalId()));
        f.fake.clock().advance(java.time.Duration.ofSeconds(40));
        assertThatThrownBy(() -> ec2.detachInternetGateway(b -> b.internetGatewayId(igw.physicalId()).vpcId(net.vpc.physicalId())))
                .as("still deleting after the plain fake's 30 s").hasMessageContaining("mapped public address");
        assertThatThrownBy(() -> ec2.releaseAddress(b -> b.allocationId(eip.physicalId()))).hasMessageContaining("InvalidIPAddress.InUse");

        java.time.Duration before = f.fake.clock().slept();
        f.provider("aws.ec2.NatGateway").delete(nat, waits::add);
        f.provider("aws.ec2.Eip").delete(eip, waits::add);
        f.provider("aws.ec2.InternetGateway").delete(igw, waits::add);
        assertThat(f.fake.clock().slept().minus(before)).as("the deletion was waited for").isGreaterThan(java.time.Duration.ofSeconds(60));
        assertThat(waits).anyMatch(w -> w.contains("to be deleted"));
        assertThat(f.provider("aws.ec2.InternetGateway").read(List.of(igw))).isEmpty();
    }
}

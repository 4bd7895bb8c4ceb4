package dev.infra.providers.ec2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2ProvidersTest {
    private final ProviderFixture f = new ProviderFixture();

    private ResourceHandle vpc() {
        return f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "enableDnsHostnames", true,
                "enableDnsSupport", true, "name", "shop-dev-net"));
    }

    private ResourceHandle subnet(ResourceHandle vpc, int i, boolean pub) {
        return f.create("net/subnet" + i, "aws.ec2.Subnet", Map.of("vpcId", f.out(vpc, "id"), "cidrBlock", "10.0." + i + ".0/24",
                "availabilityZone", "us-east-1a", "mapPublicIpOnLaunch", pub, "name", "s" + i));
    }

    private ResourceHandle group(ResourceHandle vpc, String name, List<Object> ingress) {
        return f.create("net/" + name, "aws.ec2.SecurityGroup", Map.of("vpcId", f.out(vpc, "id"), "name", name,
                "description", "test", "ingress", ingress, "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
    }

    @Test
    void vpcIsCreatedAvailableTaggedAndReadBack() {
        ResourceHandle vpc = vpc();
        assertThat(f.out(vpc, "id")).startsWith("vpc-");
        assertThat(f.out(vpc, "arn")).isEqualTo("arn:aws:ec2:us-east-1:123456789012:vpc/" + vpc.physicalId());
        assertThat(f.fake.tagsOf(vpc.physicalId())).containsEntry("infra:app", "shop").containsEntry("infra:stage", "dev")
                .containsEntry("infra:resource", "net/vpc").containsEntry("Name", "shop-dev-net");
        assertThat(f.fake.calls().count("ec2:DescribeVpcs")).as("polled until available").isGreaterThan(1);
        Map<String, Observed> read = f.provider("aws.ec2.Vpc").read(List.of(vpc));
        assertThat(read.get("net/vpc").inputs()).containsEntry("cidrBlock", "10.0.0.0/16");
    }

    @Test
    void anAttributeCallThatSaysNotFoundForAListedVpcLeavesThatAttributeOutNeitherGoneNorARefreshFailure() {
        ResourceHandle vpc = vpc();
        f.fake.faults().failAt("ec2:DescribeVpcAttribute", 1,
                () -> dev.infra.fixtures.aws.FakeAws.error("ec2:DescribeVpcAttribute", "InvalidVpcID.NotFound", "The vpc ID '" + vpc.physicalId() + "' does not exist", 400));
        var first = f.provider("aws.ec2.Vpc").read(List.of(vpc));
        assertThat(first).as("still read: the list showed it").containsKey("net/vpc");
        assertThat(first.get("net/vpc").inputs()).doesNotContainKey("enableDnsSupport").containsKey("enableDnsHostnames");
        assertThat(f.provider("aws.ec2.Vpc").read(List.of(vpc)).get("net/vpc").inputs()).as("read again").containsKeys("enableDnsSupport", "enableDnsHostnames");
    }

    @Test
    void aVpcsDnsAttributesAreSetOneACallAndDriftInThemIsRead() {
        ResourceHandle vpc = vpc();
        software.amazon.awssdk.services.ec2.Ec2Client ec2 = f.client(software.amazon.awssdk.services.ec2.Ec2Client.class);
        assertThatThrownBy(() -> ec2.modifyVpcAttribute(b -> b.vpcId(vpc.physicalId()).enableDnsSupport(v -> v.value(true))
                .enableDnsHostnames(v -> v.value(true)))).as("AWS takes one attribute per call").hasMessageContaining("InvalidParameterCombination");
        assertThat(f.provider("aws.ec2.Vpc").read(List.of(vpc)).get("net/vpc").inputs())
                .containsEntry("enableDnsSupport", true).containsEntry("enableDnsHostnames", true);

        ec2.modifyVpcAttribute(b -> b.vpcId(vpc.physicalId()).enableDnsHostnames(v -> v.value(false)));
        f.fake.calls().clear();
        assertThat(f.provider("aws.ec2.Vpc").read(List.of(vpc)).get("net/vpc").inputs()).as("drift made outside infra")
                .containsEntry("enableDnsHostnames", false);
        assertThat(f.fake.calls().all()).as("no batch read of VPC attributes: one call per attribute")
                .containsExactly("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcAttribute");

        Map<String, Object> off = new java.util.HashMap<>(vpc.inputs());
        off.put("enableDnsSupport", false);
        off.put("enableDnsHostnames", false);
        ResourceHandle updated = f.updated(vpc, off);
        assertThat(f.provider("aws.ec2.Vpc").read(List.of(updated)).get("net/vpc").inputs()).as("hostnames off before support")
                .containsEntry("enableDnsSupport", false).containsEntry("enableDnsHostnames", false);
        assertThatThrownBy(() -> ec2.modifyVpcAttribute(b -> b.vpcId(vpc.physicalId()).enableDnsHostnames(v -> v.value(true))))
                .as("hostnames only with DNS support").hasMessageContaining("InvalidParameterValue");
        f.updated(updated, vpc.inputs());
        assertThat(f.provider("aws.ec2.Vpc").read(List.of(vpc)).get("net/vpc").inputs()).as("support on before hostnames")
                .containsEntry("enableDnsSupport", true).containsEntry("enableDnsHostnames", true);
    }

    @Test
    void readBatchesManyResourcesOfATypeIntoOneDescribePerPage() {
        ResourceHandle vpc = vpc();
        List<ResourceHandle> subnets = new ArrayList<>();
        for (int i = 1; i <= 7; i++) subnets.add(subnet(vpc, i, i % 2 == 0));
        f.fake.calls().clear();
        f.fake.pageSize(100);
        Map<String, Observed> read = f.provider("aws.ec2.Subnet").read(subnets);
        assertThat(read).hasSize(7);
        assertThat(f.fake.calls().all()).containsExactly("ec2:DescribeSubnets");
        assertThat(read.get("net/subnet2").inputs()).containsEntry("mapPublicIpOnLaunch", true);
        f.fake.pageSize(3);
        f.fake.calls().clear();
        assertThat(f.provider("aws.ec2.Subnet").read(subnets)).hasSize(7);
        assertThat(f.fake.calls().count("ec2:DescribeSubnets")).as("pages of 3").isEqualTo(3);
    }

    @Test
    void deletingAVpcWaitsOutDependencyViolationWhileItsSubnetGoes() {
        ResourceHandle vpc = vpc();
        ResourceHandle subnet = subnet(vpc, 1, false);
        assertThatThrownBy(() -> f.fake.service(dev.infra.fixtures.aws.FakeEc2.class).deleteVpc(b -> b.vpcId(vpc.physicalId())))
                .hasMessageContaining("DependencyViolation");
        f.provider("aws.ec2.Subnet").delete(subnet);
        f.provider("aws.ec2.Vpc").delete(vpc);
        f.provider("aws.ec2.Vpc").delete(vpc);
        assertThat(f.provider("aws.ec2.Vpc").read(List.of(vpc))).isEmpty();
        assertThat(f.fake.tagged(Map.of("infra:stage", "dev"))).isEmpty();
    }

    @Test
    void securityGroupRulesFollowTheInputsAndDriftIsExact() {
        ResourceHandle vpc = vpc();
        List<Object> ingress = List.of(Map.of("protocol", "tcp", "fromPort", 80, "toPort", 80, "cidrIp", "0.0.0.0/0"),
                Map.of("protocol", "tcp", "fromPort", 443, "toPort", 443, "cidrIp", "0.0.0.0/0"));
        ResourceHandle sg = group(vpc, "lb", ingress);
        ResourceProvider p = f.provider("aws.ec2.SecurityGroup");
        assertThat(p.read(List.of(sg)).get("net/lb").inputs()).containsEntry("ingress", ingress)
                .containsEntry("egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0")));
        Map<String, Object> changed = new java.util.HashMap<>(sg.inputs());
        changed.put("ingress", List.of(ingress.get(1)));
        changed.put("egress", List.of(Map.of("protocol", "-1", "cidrIp", "10.0.0.0/16")));
        ResourceHandle after = f.updated(sg, changed);
        assertThat(p.read(List.of(after)).get("net/lb").inputs()).containsEntry("ingress", List.of(ingress.get(1)))
                .containsEntry("egress", List.of(Map.of("protocol", "-1", "cidrIp", "10.0.0.0/16")));
    }

    @Test
    void ingressFromAnotherGroupIsItsOwnTaggedRuleAndBlocksTheSourceGroupsDeletion() {
        ResourceHandle vpc = vpc();
        ResourceHandle lb = group(vpc, "lb", List.of());
        ResourceHandle tasks = group(vpc, "tasks", List.of());
        ResourceHandle rule = f.create("svc/ingress", "aws.ec2.SecurityGroupIngress", Map.of("groupId", tasks.physicalId(),
                "sourceSecurityGroupId", lb.physicalId(), "protocol", "tcp", "fromPort", 3000, "toPort", 3000));
        assertThat(rule.physicalId()).startsWith("sgr-");
        Observed o = f.provider("aws.ec2.SecurityGroupIngress").read(List.of(rule)).get("svc/ingress");
        assertThat(o.inputs()).containsEntry("sourceSecurityGroupId", lb.physicalId()).containsEntry("fromPort", 3000);
        assertThat(f.provider("aws.ec2.SecurityGroup").read(List.of(tasks)).get("net/tasks").inputs()).containsEntry("ingress", List.of());
        assertThatThrownBy(() -> f.fake.service(dev.infra.fixtures.aws.FakeEc2.class).deleteSecurityGroup(b -> b.groupId(lb.physicalId())))
                .hasMessageContaining("DependencyViolation");
        f.provider("aws.ec2.SecurityGroupIngress").delete(rule);
        f.provider("aws.ec2.SecurityGroup").delete(lb);
        assertThat(f.provider("aws.ec2.SecurityGroup").read(List.of(lb, tasks))).containsOnlyKeys("net/tasks");
    }

    @Test
    void routesAndAssociationsAreReadFromTheirTablesAndReplacedInPlace() {
        ResourceHandle vpc = vpc();
        ResourceHandle igw = f.create("net/igw", "aws.ec2.InternetGateway", Map.of("vpcId", vpc.physicalId(), "name", "igw"));
        ResourceHandle rt = f.create("net/rt", "aws.ec2.RouteTable", Map.of("vpcId", vpc.physicalId(), "name", "public"));
        ResourceHandle rt2 = f.create("net/rt2", "aws.ec2.RouteTable", Map.of("vpcId", vpc.physicalId(), "name", "other"));
        ResourceHandle route = f.create("net/route", "aws.ec2.Route", Map.of("routeTableId", rt.physicalId(),
                "destinationCidrBlock", "0.0.0.0/0", "gatewayId", igw.physicalId()));
        ResourceHandle subnet = subnet(vpc, 1, true);
        ResourceHandle assoc = f.create("net/assoc", "aws.ec2.RouteTableAssociation", Map.of("routeTableId", rt.physicalId(), "subnetId", subnet.physicalId()));
        assertThat(f.provider("aws.ec2.Route").read(List.of(route)).get("net/route").inputs()).containsEntry("gatewayId", igw.physicalId());
        ResourceHandle moved = f.updated(assoc, Map.of("routeTableId", rt2.physicalId(), "subnetId", subnet.physicalId()));
        assertThat(moved.physicalId()).isNotEqualTo(assoc.physicalId());
        assertThat(f.provider("aws.ec2.RouteTableAssociation").read(List.of(moved)).get("net/assoc").inputs())
                .containsEntry("routeTableId", rt2.physicalId());
        Optional<Applied> again = f.provider("aws.ec2.RouteTableAssociation").findExisting(
                f.request("net/assoc", "aws.ec2.RouteTableAssociation", Map.of("routeTableId", rt2.physicalId(), "subnetId", subnet.physicalId())));
        assertThat(again).map(Applied::physicalId).contains(moved.physicalId());
        assertThatThrownBy(() -> f.provider("aws.ec2.RouteTableAssociation").create(
                f.request("net/assoc", "aws.ec2.RouteTableAssociation", Map.of("routeTableId", rt2.physicalId(), "subnetId", subnet.physicalId()))))
                .isInstanceOf(dev.infra.core.provider.AlreadyExistsException.class);
        f.provider("aws.ec2.RouteTableAssociation").delete(moved);
        f.provider("aws.ec2.Route").delete(route);
        f.provider("aws.ec2.Route").delete(route);
        assertThat(f.provider("aws.ec2.Route").read(List.of(route))).isEmpty();
    }

    @Test
    void natGatewayWaitsUntilAvailableIsIdempotentAndHoldsItsAddressAndSubnetUntilDeleted() {
        ResourceHandle vpc = vpc();
        ResourceHandle subnet = subnet(vpc, 1, true);
        ResourceHandle eip = f.create("net/eip", "aws.ec2.Eip", Map.of("domain", "vpc", "name", "nat"));
        Map<String, Object> in = Map.of("subnetId", subnet.physicalId(), "allocationId", eip.physicalId(), "name", "nat");
        ResourceHandle nat = f.create("net/nat", "aws.ec2.NatGateway", in);
        assertThat(f.fake.clock().slept().toSeconds()).as("waited on the virtual clock").isGreaterThanOrEqualTo(60);
        assertThat(f.provider("aws.ec2.NatGateway").create(f.request("net/nat", "aws.ec2.NatGateway", in)).physicalId())
                .as("same client token, same gateway").isEqualTo(nat.physicalId());
        assertThatThrownBy(() -> f.fake.service(dev.infra.fixtures.aws.FakeEc2.class).releaseAddress(b -> b.allocationId(eip.physicalId())))
                .hasMessageContaining("InUse");
        f.provider("aws.ec2.NatGateway").delete(nat);
        f.provider("aws.ec2.Eip").delete(eip);
        f.provider("aws.ec2.Subnet").delete(subnet);
        assertThat(f.provider("aws.ec2.NatGateway").read(List.of(nat))).isEmpty();
    }

    @Test
    void instanceRunsWithItsProfileAndTerminatesBeforeItsSubnetGoes() {
        ResourceHandle vpc = vpc();
        ResourceHandle subnet = subnet(vpc, 1, true);
        ResourceHandle sg = group(vpc, "bastion", List.of());
        ResourceHandle role = f.create("net/role", "aws.iam.Role", Map.of("name", "shop-dev-bastion", "assumeRoleService", "ec2.amazonaws.com",
                "managedPolicyArns", List.of("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"), "createInstanceProfile", true));
        ResourceHandle i = f.create("net/bastion", "aws.ec2.Instance", Map.of("name", "bastion", "instanceType", "t4g.nano",
                "imageSsmParameter", "/aws/service/ami", "subnetId", subnet.physicalId(), "securityGroupIds", List.of(sg.physicalId()),
                "iamInstanceProfile", f.out(role, "instanceProfileArn"), "metadataHttpTokens", "required", "associatePublicIpAddress", true));
        assertThat(f.out(i, "primaryNetworkInterfaceId")).startsWith("eni-");
        assertThat(f.provider("aws.ec2.Instance").listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("net/bastion");
        f.provider("aws.ec2.Instance").delete(i);
        f.provider("aws.ec2.SecurityGroup").delete(sg);
        f.provider("aws.ec2.Subnet").delete(subnet);
        f.provider("aws.iam.Role").delete(role);
        f.provider("aws.ec2.Vpc").delete(vpc);
        assertThat(f.fake.tagged(Map.of("infra:stage", "dev"))).isEmpty();
    }

    @Test
    void adoptsWhatAnEarlierAttemptCreatedByItsTags() {
        ResourceHandle vpc = vpc();
        Optional<Applied> found = f.provider("aws.ec2.Vpc").findExisting(f.request("net/vpc", "aws.ec2.Vpc", vpc.inputs()));
        assertThat(found).map(Applied::physicalId).contains(vpc.physicalId());
        assertThat(f.provider("aws.ec2.Vpc").findExisting(f.request("other/vpc", "aws.ec2.Vpc", vpc.inputs()))).isEmpty();
    }

    @Test
    void throttledAndFailingCallsAreRetried() {
        f.fake.faults().throttle(0.3).failAt("ec2:DescribeSubnets", 1);
        ResourceHandle vpc = vpc();
        ResourceHandle subnet = subnet(vpc, 1, false);
        assertThat(f.provider("aws.ec2.Subnet").read(List.of(subnet))).containsKey("net/subnet1");
        assertThat(f.fake.faults().throttledCalls()).isPositive();
        assertThat(f.fake.calls().count("ec2:DescribeSubnets")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aServerErrorOnACreateWithoutATokenIsNotRetriedButReportedForTheExecutorToLookFirst() {
        ResourceHandle vpc = vpc();
        f.fake.faults().failAt("ec2:CreateSubnet", 1);
        assertThatThrownBy(() -> subnet(vpc, 1, false)).isInstanceOf(dev.infra.core.provider.ResponseLostException.class)
                .hasMessageContaining("InternalFailure");
        assertThat(f.fake.calls().count("ec2:CreateSubnet")).isEqualTo(1);
    }

    @Test
    void aClientErrorIsNotRetried() {
        f.fake.faults().failAt("ec2:CreateVpc", 1, () -> FakeAws.error("ec2:CreateVpc", "VpcLimitExceeded", "The maximum number of VPCs has been reached.", 400));
        assertThatThrownBy(this::vpc).hasMessageContaining("VpcLimitExceeded");
        assertThat(f.fake.calls().count("ec2:CreateVpc")).isEqualTo(1);
    }
}

package dev.infra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeEc2;
import dev.infra.fixtures.aws.FakeIam;
import dev.infra.fixtures.aws.FakeLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowded account: the full example's stage dev is removed while the same account holds its stage qa, another app
 * (shop, also stage dev), untagged look-alikes with the same names, and a resource tagged for carbon/dev with an
 * address infra does not know. Every filter of every API is ignored and every page repeats an item: the remove must
 * still touch nothing but its own (every id and every security group rule of the others compared before and after),
 * and name as left alone only the object tagged for carbon/dev whose address it does not know, not the neighbours.
 */
class NeighboursOnFakeAwsTest {
    private static final Set<String> UNKNOWN = Set.of("old/natEip");
    @TempDir
    Path dir;
    @TempDir
    Path otherDir;

    @Test
    void removingOneStageWithEveryFilterIgnoredLeavesEveryNeighbourExactlyAsItWas() throws Exception {
        try (FullExample carbon = new FullExample(dir); FullExample shop = new FullExample(otherDir, carbon)) {
            FakeAws fake = carbon.fake;
            Files.writeString(shop.dir.resolve("infra.yaml"), Files.readString(shop.dir.resolve("infra.yaml")).replace("app: carbon", "app: shop"));
            for (String stage : new String[]{"dev", "qa"}) deploy(carbon, stage);
            deploy(shop, "dev");
            lookalikes(fake);
            Map<String, String> before = AccountSnapshot.of(fake);
            Set<String> neighbours = AccountSnapshot.except(before, "carbon", "dev", UNKNOWN);
            assertThat(before.size() - neighbours.size()).as("stage dev has resources to remove").isGreaterThan(40);
            assertThat(neighbours).as("the neighbours are there").anyMatch(l -> l.startsWith("eip ")).anyMatch(l -> l.startsWith("sg-rule "));

            fake.faults().ignoreFilters("*").repeatPages("*");
            Cli.Result removed = carbon.run("dev", "remove", "--yes", "--verbose", "--json");
            carbon.ok(removed);
            assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev"))).as("stage dev is gone but for its secrets and the unknown address")
                    .filteredOn(id -> !id.startsWith("arn:aws:ssm:")).singleElement().asString().startsWith("eipalloc-");

            Map<String, String> after = AccountSnapshot.of(fake);
            assertThat(after.keySet()).as("stage qa, app shop, the look-alikes and the unknown address: exactly as they were")
                    .containsExactlyElementsOf(neighbours);
            assertThat(removed.err().lines().filter(l -> l.contains("left alone") || l.contains("not ours:")))
                    .as("only what is tagged for carbon/dev and not proven its own is named as left alone, once; the neighbours are not mentioned")
                    .containsExactly("sweep: left alone 1 resource tagged for this stage with no address infra knows:",
                            "  not ours: aws.ec2.Eip " + fake.tagged(Map.of("infra:resource", "old/natEip")).get(0) + ": unknown address old/natEip");
            String summary = removed.out().lines().filter(l -> l.contains("\"event\":\"summary\"")).findFirst().orElseThrow();
            assertThat(new ObjectMapper().readTree(summary).get("sweepLeftAlone").asInt()).as("--json counts the same").isEqualTo(1);
        }
    }

    private static void deploy(FullExample example, String stage) {
        example.ok(example.run(stage, "secrets", "load", ".env"));
        example.ok(example.run(stage, "deploy", "--yes"));
    }

    /** Untagged resources named as stage dev's, and an Elastic IP tagged for carbon/dev with an address infra never made. */
    private static void lookalikes(FakeAws fake) {
        FakeEc2 ec2 = fake.service(FakeEc2.class);
        for (String name : new String[]{"carbon-dev-natEip1", "carbon-dev-natEip2"})
            ec2.allocateAddress(b -> b.domain(DomainType.VPC).tagSpecifications(spec(ResourceType.ELASTIC_IP, Map.of("Name", name))));
        ec2.allocateAddress(b -> b.domain(DomainType.VPC).tagSpecifications(spec(ResourceType.ELASTIC_IP,
                Map.of("infra:app", "carbon", "infra:stage", "dev", "infra:resource", "old/natEip"))));
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16").tagSpecifications(spec(ResourceType.VPC, Map.of("Name", "carbon-dev-vpc")))).vpc().vpcId();
        ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.0.0.0/20").availabilityZone("us-east-1a")
                .tagSpecifications(spec(ResourceType.SUBNET, Map.of("Name", "carbon-dev-publicSubnet1"))));
        String sg = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("carbon-dev-erp-tasks").description("look-alike")).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(3000).toPort(3000)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/16").build()).build()));
        fake.service(FakeLogs.class).createLogGroup(b -> b.logGroupName("/infra/carbon/dev/erp-old"));
        fake.service(FakeIam.class).createRole(b -> b.roleName("carbon-dev-erp-old").path("/infra/carbon/dev/").assumeRolePolicyDocument("{}"));
    }

    private static TagSpecification spec(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }
}

package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.ResponseLostException;
import dev.infra.providers.testing.ProviderFixture;
import dev.infra.providers.testing.ServiceSetup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Harsh FakeAws losing the response of a call it applied (a read timeout): a create that takes a client token is retried
 * with the same token (one resource); one that does not is not retried but reported, for the executor to look for it by
 * its tags first; a delete or an update made again finds its work done.
 */
class LostResponseHarshTest {
    private final ProviderFixture f = new ProviderFixture();

    private List<String> tagged(String address) {
        return f.fake.tagged(Map.of("infra:app", "shop", "infra:stage", "dev", "infra:resource", address));
    }

    @Test
    void aCreateWithAClientTokenIsRetriedWithTheSameTokenAndMakesOneResource() {
        f.fake.harsh(21);
        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "name", "v"));
        f.fake.loseResponse("CreateRouteTable", 1);
        ResourceHandle table = f.create("net/publicRouteTable", "aws.ec2.RouteTable", Map.of("vpcId", vpc.physicalId(), "name", "public"));
        assertThat(f.fake.calls().count("ec2:CreateRouteTable")).as("retried after the lost response").isEqualTo(2);
        assertThat(tagged("net/publicRouteTable")).as("one table").containsExactly(table.physicalId());
    }

    @Test
    void theFakeHonoursAClientTokenAsAwsDoesAndNeverDeduplicatesWithoutOne() {
        f.fake.harsh(22);
        Ec2Client ec2 = f.client(Ec2Client.class);
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String other = ec2.createVpc(b -> b.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String first = ec2.createRouteTable(b -> b.vpcId(vpc).clientToken("t-1")).routeTable().routeTableId();
        assertThat(ec2.createRouteTable(b -> b.vpcId(vpc).clientToken("t-1")).routeTable().routeTableId()).isEqualTo(first);
        assertThatThrownBy(() -> ec2.createRouteTable(b -> b.vpcId(other).clientToken("t-1"))).hasMessageContaining("IdempotentParameterMismatch");
        String a = ec2.allocateAddress(b -> b.domain("vpc")).allocationId();
        assertThat(ec2.allocateAddress(b -> b.domain("vpc")).allocationId()).as("no token, no deduplication").isNotEqualTo(a);
    }

    @Test
    void aCreateWithoutATokenIsNotRepeatedButReportedAndItsTagsFindIt() {
        f.fake.harsh(23).loseResponse("AllocateAddress", 1);
        ResourceRequest r = f.request("net/natEip1", "aws.ec2.Eip", Map.of("domain", "vpc", "name", "nat"));
        assertThatThrownBy(() -> f.provider("aws.ec2.Eip").create(r)).isInstanceOf(ResponseLostException.class);
        assertThat(f.fake.calls().count("ec2:AllocateAddress")).as("not repeated blindly").isEqualTo(1);
        List<String> made = tagged("net/natEip1");
        assertThat(made).hasSize(1);
        assertThat(f.provider("aws.ec2.Eip").findExisting(r)).as("found by its tags").hasValueSatisfying(a -> assertThat(a.physicalId()).isEqualTo(made.get(0)));
    }

    @Test
    void aLostRegistrationIsNotListedAtOnceButALookAFewSecondsLaterFindsItByItsTags() {
        f.fake.harsh(26);
        ServiceSetup env = new ServiceSetup(f);
        f.fake.loseResponse("RegisterTaskDefinition", 1);
        ResourceRequest r = f.request("web/taskDefinition", "aws.ecs.TaskDefinition", env.taskInputs("nginx:1", "256"));
        ResourceProvider p = f.provider("aws.ecs.TaskDefinition");
        assertThatThrownBy(() -> p.create(r)).isInstanceOf(ResponseLostException.class);
        assertThat(f.fake.calls().count("ecs:RegisterTaskDefinition")).as("not repeated blindly").isEqualTo(1);
        assertThat(p.findExisting(r)).as("ECS does not list the new revision at once").isEmpty();
        f.fake.clock().advance(Duration.ofSeconds(5));
        assertThat(p.findExisting(r)).as("found by its tags once listed").hasValueSatisfying(a -> assertThat(a.physicalId()).endsWith(":1"));
    }

    @Test
    void anInstanceProfileMadeAndJoinedAgainAfterLostAnswersIsTheOneOfTheFirstAttempt() {
        f.fake.harsh(27).loseResponse("CreateInstanceProfile", 1).loseResponse("AddRoleToInstanceProfile", 1);
        ResourceHandle role = f.create("vpc/bastionRole", "aws.iam.Role", Map.of("name", "shop-dev-bastion", "assumeRoleService", "ec2.amazonaws.com",
                "createInstanceProfile", true));
        assertThat(f.out(role, "instanceProfileArn")).endsWith(":instance-profile/infra/shop/dev/shop-dev-bastion");
        assertThat(f.fake.calls().count("iam:AddRoleToInstanceProfile")).as("made again after the lost answer").isEqualTo(2);
    }

    @Test
    void aDeleteWhoseResponseIsLostIsDoneWhenItsRetryFindsTheResourceGone() {
        f.fake.harsh(24);
        ResourceHandle eip = f.create("net/natEip1", "aws.ec2.Eip", Map.of("domain", "vpc", "name", "nat"));
        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "name", "v"));
        f.fake.loseResponse("ReleaseAddress", 1).loseResponse("DeleteVpc", 1);
        f.provider("aws.ec2.Eip").delete(eip);
        f.provider("aws.ec2.Vpc").delete(vpc);
        assertThat(f.fake.calls().count("ec2:ReleaseAddress")).isEqualTo(2);
        assertThat(f.fake.calls().count("ec2:DeleteVpc")).isEqualTo(2);
        assertThat(f.fake.tagged(Map.of("infra:app", "shop"))).isEmpty();
    }

    @Test
    void aSecurityGroupRuleChangeWhoseResponseIsLostIsDoneWhenItsRetryFindsItDone() {
        f.fake.harsh(25);
        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "name", "v"));
        Map<String, Object> in = Map.of("vpcId", vpc.physicalId(), "name", "web", "description", "web", "ingress", List.of(),
                "egress", List.of(Map.of("protocol", "-1", "cidrIp", "10.0.0.0/16")));
        f.fake.loseResponse("AuthorizeSecurityGroupEgress", 1);
        ResourceHandle sg = f.create("web/securityGroup", "aws.ec2.SecurityGroup", in);
        assertThat(f.provider("aws.ec2.SecurityGroup").read(List.of(sg)).get("web/securityGroup").inputs().get("egress"))
                .as("the rule, once").isEqualTo(in.get("egress"));
    }
}

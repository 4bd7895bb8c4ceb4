package dev.infra.providers.ec2;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeEc2;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another writer changes a security group's rules between infra's read of the group and its change of them. AWS
 * rejects a whole Authorize (Revoke) call when one of its rules already exists (no longer exists), so what the rest of
 * the call asked must still be done.
 */
class SecurityGroupRulesRaceTest {
    private static final Map<String, Object> A = rule(80);
    private static final Map<String, Object> B = rule(443);
    private static final Map<String, Object> C = rule(8080);
    private final ProviderFixture f = new ProviderFixture();

    private static Map<String, Object> rule(int port) {
        return Map.of("protocol", "tcp", "fromPort", port, "toPort", port, "cidrIp", "10.0.0.0/16");
    }

    private ResourceHandle group(List<Object> ingress) {
        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "enableDnsHostnames", true,
                "enableDnsSupport", true, "name", "shop-dev-net"));
        return f.create("net/lb", "aws.ec2.SecurityGroup", Map.of("vpcId", f.out(vpc, "id"), "name", "lb",
                "description", "test", "ingress", ingress, "egress", List.of()));
    }

    private static IpPermission permission(Map<String, Object> r) {
        return IpPermission.builder().ipProtocol("tcp").fromPort((Integer) r.get("fromPort")).toPort((Integer) r.get("toPort"))
                .ipRanges(x -> x.cidrIp("10.0.0.0/16")).build();
    }

    private ResourceHandle updateIngress(ResourceHandle sg, List<Object> ingress) {
        Map<String, Object> in = new HashMap<>(sg.inputs());
        in.put("ingress", ingress);
        return f.updated(sg, in);
    }

    @SuppressWarnings("unchecked")
    private List<Object> liveIngress(ResourceHandle sg) {
        return (List<Object>) f.provider("aws.ec2.SecurityGroup").read(List.of(sg)).get("net/lb").inputs().get("ingress");
    }

    @Test
    void awsRejectsTheWholeAuthorizeWhenOneOfItsRulesExists() {
        ResourceHandle sg = group(List.of(A));
        Ec2Client ec2 = f.client(Ec2Client.class);
        assertThatThrownBy(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(sg.physicalId()).ipPermissions(permission(C), permission(A))))
                .hasMessageContaining("InvalidPermission.Duplicate");
        assertThat(liveIngress(sg)).as("the new rule of the rejected call was not added").containsExactly(A);
    }

    @Test
    void aRuleAddedByAnotherWriterBeforeTheAuthorizeDoesNotLoseTheOtherRulesOfTheUpdate() {
        ResourceHandle sg = group(List.of(A));
        f.fake.faults().otherWriterBefore("ec2:AuthorizeSecurityGroupIngress", 1, () -> f.fake.service(FakeEc2.class)
                .authorizeSecurityGroupIngress(b -> b.groupId(sg.physicalId()).ipPermissions(permission(B))));
        ResourceHandle after = updateIngress(sg, List.of(A, C, B));
        assertThat(liveIngress(after)).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void aRuleRevokedByAnotherWriterBeforeTheRevokeDoesNotKeepTheOtherRulesTheUpdateDrops() {
        ResourceHandle sg = group(List.of(A, B, C));
        f.fake.faults().otherWriterBefore("ec2:RevokeSecurityGroupIngress", 1, () -> f.fake.service(FakeEc2.class)
                .revokeSecurityGroupIngress(b -> b.groupId(sg.physicalId()).ipPermissions(permission(B))));
        ResourceHandle after = updateIngress(sg, List.of(A));
        assertThat(liveIngress(after)).containsExactly(A);
    }
}

package dev.infra.providers.ec2;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An instance's IAM instance profile, changed in place (one association per instance, as in AWS) and read back. */
class InstanceProfileTest {
    private final ProviderFixture f = new ProviderFixture();

    private String profile(String name) {
        ResourceHandle role = f.create("net/" + name, "aws.iam.Role", Map.of("name", "shop-dev-" + name, "assumeRoleService", "ec2.amazonaws.com",
                "managedPolicyArns", List.of(), "createInstanceProfile", true));
        return f.out(role, "instanceProfileArn");
    }

    private ResourceHandle instance(String profile) {
        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "enableDnsHostnames", true,
                "enableDnsSupport", true, "name", "net"));
        ResourceHandle subnet = f.create("net/subnet", "aws.ec2.Subnet", Map.of("vpcId", vpc.physicalId(), "cidrBlock", "10.0.1.0/24",
                "availabilityZone", "us-east-1a", "mapPublicIpOnLaunch", false, "name", "s"));
        ResourceHandle sg = f.create("net/sg", "aws.ec2.SecurityGroup", Map.of("vpcId", vpc.physicalId(), "name", "bastion",
                "description", "test", "ingress", List.of(), "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
        return f.create("net/bastion", "aws.ec2.Instance", Map.of("name", "bastion", "instanceType", "t4g.nano",
                "imageSsmParameter", "/aws/service/ami", "subnetId", subnet.physicalId(), "securityGroupIds", List.of(sg.physicalId()),
                "iamInstanceProfile", profile, "metadataHttpTokens", "required", "associatePublicIpAddress", false));
    }

    private Object readProfile(ResourceHandle i) {
        return f.provider("aws.ec2.Instance").read(List.of(i)).get("net/bastion").inputs().get("iamInstanceProfile");
    }

    private List<IamInstanceProfileAssociation> associations(ResourceHandle i) {
        return f.client(Ec2Client.class).describeIamInstanceProfileAssociations(b -> b.filters(x -> x.name("instance-id").values(i.physicalId())))
                .iamInstanceProfileAssociations();
    }

    @Test
    void aProfileIsReplacedInPlaceRemovedAndDriftInItIsRead() {
        String first = profile("one"), second = profile("two");
        ResourceHandle i = instance(first);
        assertThat(readProfile(i)).isEqualTo(first);
        Ec2Client ec2 = f.client(Ec2Client.class);
        assertThatThrownBy(() -> ec2.associateIamInstanceProfile(b -> b.instanceId(i.physicalId()).iamInstanceProfile(p -> p.arn(second))))
                .as("an instance has at most one association").hasMessageContaining("IncorrectState");

        Map<String, Object> changed = new HashMap<>(i.inputs());
        changed.put("iamInstanceProfile", second);
        ResourceHandle replaced = f.updated(i, changed);
        assertThat(replaced.physicalId()).isEqualTo(i.physicalId());
        assertThat(readProfile(replaced)).as("replaced in place").isEqualTo(second);
        assertThat(f.fake.calls().count("ec2:ReplaceIamInstanceProfileAssociation")).isEqualTo(1);

        String live = associations(i).stream().filter(a -> a.stateAsString().equals("associated")).findFirst().orElseThrow().associationId();
        ec2.disassociateIamInstanceProfile(b -> b.associationId(live));
        f.fake.clock().advance(java.time.Duration.ofSeconds(10));
        assertThat(f.provider("aws.ec2.Instance").read(List.of(replaced)).get("net/bastion").inputs())
                .as("drift: the profile taken off outside infra").containsEntry("iamInstanceProfile", null);

        ResourceHandle back = f.updated(replaced, changed);
        assertThat(readProfile(back)).as("associated again").isEqualTo(second);
        Map<String, Object> none = new HashMap<>(changed);
        none.remove("iamInstanceProfile");
        ResourceHandle bare = f.updated(back, none);
        assertThat(readProfile(bare)).as("disassociated").isNull();
        assertThat(associations(i)).allMatch(a -> a.stateAsString().equals("disassociated"));
    }

    @Test
    void anUpdateWaitsUntilEc2SeesANewProfile() {
        f.fake.harsh(8);
        ResourceHandle i = instance(profile("one"));
        String fresh = profile("bastion");
        assertThatThrownBy(() -> f.client(Ec2Client.class).associateIamInstanceProfile(b -> b.instanceId(i.physicalId()).iamInstanceProfile(p -> p.arn(fresh))))
                .as("without a retry").hasMessageContaining("Invalid IAM Instance Profile");
        List<String> waits = new ArrayList<>();
        Map<String, Object> changed = new HashMap<>(i.inputs());
        changed.put("iamInstanceProfile", fresh);
        ResourceHandle updated = f.updated(i, changed, waits);
        assertThat(readProfile(updated)).isEqualTo(fresh);
        assertThat(waits).as("EC2 did not see the new profile at once").contains("EC2 cannot see instance profile " + fresh + " yet (AWS propagation), 0 s");
    }
}

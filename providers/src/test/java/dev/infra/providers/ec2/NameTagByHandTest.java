package dev.infra.providers.ec2;

import dev.infra.core.exec.Refresher;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Name tag someone sets on an EC2 resource by hand (console, another tool), as AWS lets them on any taggable one. */
class NameTagByHandTest {
    private final ProviderFixture f = new ProviderFixture();

    private ResourceHandle group(ResourceHandle vpc, String name) {
        return f.create("net/" + name, "aws.ec2.SecurityGroup", Map.of("vpcId", f.out(vpc, "id"), "name", name,
                "description", "test", "ingress", List.of(), "egress", List.of()));
    }

    private void nameByHand(String id, String name) {
        f.client(Ec2Client.class).createTags(b -> b.resources(id).tags(t -> t.key("Name").value(name)));
    }

    @Test
    void onATypeWithoutANameInputItNeitherFailsTheRefreshNorShowsAsDrift() {
        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "enableDnsHostnames", true,
                "enableDnsSupport", true, "name", "shop-dev-net"));
        ResourceHandle lb = group(vpc, "lb");
        ResourceHandle tasks = group(vpc, "tasks");
        ResourceHandle rule = f.create("svc/ingress", "aws.ec2.SecurityGroupIngress", Map.of("groupId", tasks.physicalId(),
                "sourceSecurityGroupId", lb.physicalId(), "protocol", "tcp", "fromPort", 3000, "toPort", 3000));
        nameByHand(rule.physicalId(), "allow lb to tasks");

        Refresher.Result r = f.refresh(vpc, lb, tasks, rule);

        assertThat(r.drift()).isEmpty();
        assertThat(r.state().resources().get("svc/ingress").inputs()).doesNotContainKey("name");
    }

    @Test
    void onATypeWithANameInputARenameByHandIsDrift() {
        ResourceHandle vpc = f.create("net/vpc", "aws.ec2.Vpc", Map.of("cidrBlock", "10.0.0.0/16", "enableDnsHostnames", true,
                "enableDnsSupport", true, "name", "shop-dev-net"));
        nameByHand(vpc.physicalId(), "renamed");

        Refresher.Result r = f.refresh(vpc);

        assertThat(r.drift()).singleElement().satisfies(d -> assertThat(d.diffs()).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("name")));
        assertThat(r.state().resources().get("net/vpc").inputs()).containsEntry("name", "renamed");
    }
}

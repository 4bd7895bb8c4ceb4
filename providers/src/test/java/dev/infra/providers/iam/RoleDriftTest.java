package dev.infra.providers.iam;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.fixtures.aws.FakeIam;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoleDriftTest {
    private static final Map<String, Object> POLICY = Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
            "Action", List.of("ssm:GetParameters"), "Resource", List.of("arn:aws:ssm:us-east-1:123456789012:parameter/shop/dev/KEY"))));
    private final ProviderFixture f = new ProviderFixture();

    private ResourceHandle role() {
        return f.create("web/executionRole", "aws.iam.Role", Map.of("name", "shop-dev-web-exec", "assumeRoleService", "ecs-tasks.amazonaws.com",
                "managedPolicyArns", List.of("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"), "inlinePolicy", POLICY));
    }

    private Map<String, Object> live(ResourceHandle h) {
        return f.provider("aws.iam.Role").read(List.of(h)).get(h.address()).inputs();
    }

    @Test
    void aRoleReadsBackAsItsInputsInOneCall() {
        ResourceHandle h = role();
        f.fake.calls().clear();
        assertThat(live(h)).isEqualTo(h.inputs());
        assertThat(f.fake.calls().all()).containsExactly("iam:GetAccountAuthorizationDetails");
    }

    @Test
    void policiesChangedByHandShowAsDrift() {
        ResourceHandle h = role();
        f.fake.service(FakeIam.class).putInlineByHand("shop-dev-web-exec", "infra",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\"],\"Resource\":[\"*\"]}]}");
        f.fake.service(FakeIam.class).detachRolePolicy(b -> b.roleName("shop-dev-web-exec")
                .policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
        Map<String, Object> live = live(h);
        assertThat(live.get("inlinePolicy").toString()).contains("Resource=[*]");
        assertThat(live.get("managedPolicyArns")).isEqualTo(List.of());
        assertThat(live.get("assumeRoleService")).isEqualTo("ecs-tasks.amazonaws.com");

        f.updated(h, h.inputs());
        assertThat(live(h)).as("a deploy brings it back").isEqualTo(h.inputs());
    }

    @Test
    void documentsAreReadEncodedOrPlain() {
        assertThat(LiveRoles.document("%7B%22Version%22%3A%222012-10-17%22%7D")).isEqualTo(Map.of("Version", "2012-10-17"));
        assertThat(LiveRoles.document("{\"Version\":\"2012-10-17\"}")).isEqualTo(Map.of("Version", "2012-10-17"));
        assertThat(LiveRoles.document(null)).isEmpty();
    }
}

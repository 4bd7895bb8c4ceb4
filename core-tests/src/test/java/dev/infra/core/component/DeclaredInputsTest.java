package dev.infra.core.component;

import dev.infra.core.ref.Ref;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A component can emit only what the type's schema declares: a renamed key, a missing one or a wrong kind fails. */
class DeclaredInputsTest {
    private static Map<String, Object> group() {
        Map<String, Object> in = new HashMap<>();
        in.put("groupId", new Ref("web/securityGroup", "id"));
        in.put("sourceSecurityGroupId", new Ref("web/lbSecurityGroup", "id"));
        in.put("protocol", "tcp");
        in.put("fromPort", 80);
        in.put("toPort", 80);
        return in;
    }

    @Test
    void whatTheSchemaDeclaresPasses() {
        assertThatCode(() -> DeclaredInputs.check("web", "web/ingress", "aws.ec2.SecurityGroupIngress", group())).doesNotThrowAnyException();
    }

    @Test
    void aRenamedKeyIsNamedWithItsComponent() {
        Map<String, Object> in = group();
        in.put("fromPortt", in.remove("fromPort"));
        assertThatThrownBy(() -> DeclaredInputs.check("web", "web/ingress", "aws.ec2.SecurityGroupIngress", in))
                .hasMessage("component web: web/ingress (aws.ec2.SecurityGroupIngress) has input 'fromPortt', which its type does not declare");
    }

    @Test
    void aMissingRequiredKeyAndAWrongKindFail() {
        Map<String, Object> missing = group();
        missing.remove("protocol");
        assertThatThrownBy(() -> DeclaredInputs.check("web", "web/ingress", "aws.ec2.SecurityGroupIngress", missing))
                .hasMessageContaining("lacks the required input 'protocol'");
        Map<String, Object> text = group();
        text.put("toPort", "80");
        assertThatThrownBy(() -> DeclaredInputs.check("web", "web/ingress", "aws.ec2.SecurityGroupIngress", text))
                .hasMessageContaining("input 'toPort' that is not a number");
    }

    @Test
    void aTypeNoSchemaDeclaresFails() {
        assertThatThrownBy(() -> DeclaredInputs.check("web", "web/x", "aws.ec2.Nothing", Map.of()))
                .hasMessageContaining("no schema declares");
    }
}

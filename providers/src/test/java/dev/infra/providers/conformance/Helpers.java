package dev.infra.providers.conformance;

import dev.infra.core.component.Tags;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * What a variation or a look-alike needs beyond the subject: another resource made through the providers (a second
 * VPC for a look-alike internet gateway, a second security group for a load balancer), and the outputs of what the
 * subject stands on. Whatever it made is deleted, newest first, when the case closes.
 */
final class Helpers implements AutoCloseable {
    private final TypeCase c;
    private final Deque<ResourceHandle> made = new ArrayDeque<>();
    private int count;

    Helpers(TypeCase c) {
        this.c = c;
    }

    /** Creates what the request asks for with its type's provider; deleted when the case closes. */
    ResourceHandle make(ResourceRequest r) {
        ResourceProvider p = c.providers().get(r.type());
        Applied a = p.create(r);
        ResourceHandle h = new ResourceHandle(r.address(), r.type(), a.physicalId(), r.inputs(), a.outputs(), r.stage());
        made.push(h);
        return h;
    }

    /** A resource of {@code type} for the case's stage, tagged as an extra address of the subject's component. */
    ResourceHandle make(String type, Map<String, Object> inputs) {
        String address = c.address().substring(0, c.address().indexOf('/') + 1) + "conformanceHelper" + (++count);
        return make(c.request(type, address, inputs, c.stage, Tags.standard(c.stage.app(), c.stage.stage(), address), TypeCase.TOKEN + "-" + address));
    }

    /** An output of a resource the subject stands on, as deployed. */
    Object output(String address, String attribute) {
        return c.deployed().session().state().resource(address).orElseThrow(() -> new IllegalStateException("not deployed: " + address))
                .outputs().get(attribute);
    }

    /** The recorded inputs of a resource the subject stands on. */
    Map<String, Object> inputs(String address) {
        return c.deployed().session().state().resource(address).orElseThrow(() -> new IllegalStateException("not deployed: " + address)).inputs();
    }

    /** A security group in the example's VPC, for a variation of a resource's groups. */
    String securityGroup() {
        return make("aws.ec2.SecurityGroup", Map.of("vpcId", output("vpc/vpc", "id"), "name", c.stage.app() + "-" + stage() + "-conformance",
                "description", "conformance", "ingress", java.util.List.of(), "egress", java.util.List.of())).physicalId();
    }

    /** A role that {@code service} may assume, for a variation of a resource's role. */
    ResourceHandle role(String service) {
        return make("aws.iam.Role", Map.of("name", c.stage.app() + "-" + stage() + "-conformance", "assumeRoleService", service,
                "managedPolicyArns", java.util.List.of(), "createInstanceProfile", true));
    }

    /** The subject's stage name, for names a variation makes. */
    String stage() {
        return c.stage.stage();
    }

    @Override
    public void close() {
        while (!made.isEmpty()) {
            ResourceHandle h = made.pop();
            c.providers().get(h.type()).delete(h);
        }
    }
}

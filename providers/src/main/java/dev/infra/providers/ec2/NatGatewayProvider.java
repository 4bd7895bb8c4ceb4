package dev.infra.providers.ec2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.ec2.NatGateway: created with the request's client token, then awaited until available (a failed one is
 * reported with AWS's reason); a delete waits until it is gone, so its Elastic IP and subnet can follow.
 */
final class NatGatewayProvider extends TaggedEc2Provider<NatGateway> {
    NatGatewayProvider(Aws aws) {
        super(aws, "nat-gateway-id", ResourceType.NATGATEWAY);
    }

    @Override
    public String type() {
        return Ec2Providers.NAT_GATEWAY.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        return finish(aws.call(() -> ec2().createNatGateway(b -> b.subnetId(Props.str(r.inputs(), "subnetId"))
                .allocationId(Props.str(r.inputs(), "allocationId")).clientToken(r.idempotencyToken())
                .tagSpecifications(tagSpec(r)))).natGateway(), r);
    }

    @Override
    protected Applied finish(NatGateway n, ResourceRequest r) {
        NatGateway ready = aws.poller().await("NAT gateway " + n.natGatewayId() + " to become available", Duration.ofMinutes(15),
                r.waits(), () -> one(n.natGatewayId()).filter(x -> settled(x)));
        if (ready.state() != NatGatewayState.AVAILABLE) throw new IllegalStateException("NAT gateway " + n.natGatewayId()
                + " failed: " + Optional.ofNullable(ready.failureMessage()).orElse(ready.stateAsString()));
        return new Applied(ready.natGatewayId(), outputs(ready));
    }

    private static boolean settled(NatGateway n) {
        return n.state() != NatGatewayState.PENDING;
    }

    @Override
    protected List<NatGateway> describe(List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2().describeNatGateways(b -> b.filter(filters).nextToken(t)),
                DescribeNatGatewaysResponse::nextToken, DescribeNatGatewaysResponse::natGateways);
    }

    @Override
    protected boolean gone(NatGateway n) {
        return n.state() == NatGatewayState.DELETED || n.state() == NatGatewayState.DELETING || n.state() == NatGatewayState.FAILED;
    }

    @Override
    protected String id(NatGateway n) {
        return n.natGatewayId();
    }

    @Override
    protected List<Tag> tags(NatGateway n) {
        return n.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(NatGateway n, ResourceHandle h) {
        return Map.of("subnetId", n.subnetId());
    }

    @Override
    protected java.util.Set<String> references(NatGateway n) {
        java.util.Set<String> refs = new java.util.HashSet<>();
        refs.add(n.subnetId());
        n.natGatewayAddresses().forEach(a -> { if (a.allocationId() != null) refs.add(a.allocationId()); });
        return refs;
    }

    @Override
    protected Map<String, Object> outputs(NatGateway n) {
        return Map.of("id", n.natGatewayId());
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        ec2().deleteNatGateway(b -> b.natGatewayId(id));
        aws.poller().await("NAT gateway " + id + " to be deleted", Duration.ofMinutes(15), waits,
                () -> one(id).filter(n -> n.state() != NatGatewayState.DELETED).isPresent() ? Optional.empty() : Optional.of(id));
    }
}

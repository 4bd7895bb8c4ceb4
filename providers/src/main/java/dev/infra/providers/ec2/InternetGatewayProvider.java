package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Map;

/** aws.ec2.InternetGateway: created, then attached to its VPC; deleted after detaching (which waits for public IPs to go). */
final class InternetGatewayProvider extends TaggedEc2Provider<InternetGateway> {
    InternetGatewayProvider(Aws aws) {
        super(aws, "internet-gateway-id", ResourceType.INTERNET_GATEWAY);
    }

    @Override
    public String type() {
        return Ec2Providers.INTERNET_GATEWAY.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        return finish(aws.once(() -> ec2().createInternetGateway(b -> b.tagSpecifications(tagSpec(r)))).internetGateway(), r);
    }

    @Override
    protected Applied finish(InternetGateway igw, ResourceRequest r) {
        String vpc = Props.str(r.inputs(), "vpcId");
        if (igw.attachments().stream().noneMatch(a -> vpc.equals(a.vpcId())))
            aws.settleOnce("internet gateway " + igw.internetGatewayId(), r.waits(),
                    () -> ec2().attachInternetGateway(b -> b.internetGatewayId(igw.internetGatewayId()).vpcId(vpc)), NewIds.NOT_VISIBLE);
        return new Applied(igw.internetGatewayId(), outputs(igw));
    }

    @Override
    protected List<InternetGateway> describe(List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2().describeInternetGateways(b -> b.filters(filters).nextToken(t)),
                DescribeInternetGatewaysResponse::nextToken, DescribeInternetGatewaysResponse::internetGateways);
    }

    @Override
    protected String id(InternetGateway g) {
        return g.internetGatewayId();
    }

    @Override
    protected List<Tag> tags(InternetGateway g) {
        return g.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(InternetGateway g, ResourceHandle h) {
        return g.attachments().isEmpty() ? Map.of("vpcId", "") : Map.of("vpcId", g.attachments().get(0).vpcId());
    }

    @Override
    protected java.util.Set<String> references(InternetGateway g) {
        return g.attachments().stream().map(a -> a.vpcId()).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    protected Map<String, Object> outputs(InternetGateway g) {
        return Map.of("id", g.internetGatewayId());
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        for (InternetGateway g : one(id).stream().toList())
            for (InternetGatewayAttachment a : g.attachments())
                ec2().detachInternetGateway(b -> b.internetGatewayId(id).vpcId(a.vpcId()));
        ec2().deleteInternetGateway(b -> b.internetGatewayId(id));
    }
}

package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** aws.ec2.Subnet: CreateSubnet in its AZ, public IPs on launch as asked, then available. */
final class SubnetProvider extends TaggedEc2Provider<Subnet> {
    SubnetProvider(Aws aws) {
        super(aws, "subnet-id", ResourceType.SUBNET);
    }

    @Override
    public String type() {
        return Ec2Providers.SUBNET.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        Subnet s = aws.once(() -> ec2().createSubnet(b -> b.vpcId(Props.str(in, "vpcId")).cidrBlock(Props.str(in, "cidrBlock"))
                .availabilityZone(Props.str(in, "availabilityZone")).tagSpecifications(tagSpec(r)))).subnet();
        return finish(s, r);
    }

    @Override
    protected Applied finish(Subnet s, ResourceRequest r) {
        publicIps(s.subnetId(), r);
        Subnet ready = aws.poller().await("subnet " + s.subnetId() + " to become available", Duration.ofMinutes(5), r.waits(),
                () -> one(s.subnetId()).filter(x -> x.state() == SubnetState.AVAILABLE));
        return new Applied(ready.subnetId(), outputs(ready));
    }

    private void publicIps(String id, ResourceRequest r) {
        aws.settleRun("subnet " + id, r.waits(), () -> ec2().modifySubnetAttribute(b -> b.subnetId(id)
                .mapPublicIpOnLaunch(VpcProvider.on(Props.bool(r.inputs(), "mapPublicIpOnLaunch")))), NewIds.NOT_VISIBLE);
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        publicIps(current.physicalId(), r);
        retag(current.physicalId(), r);
        return new Applied(current.physicalId(), current.outputs());
    }

    @Override
    protected List<Subnet> describe(List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2().describeSubnets(b -> b.filters(filters).nextToken(t)),
                DescribeSubnetsResponse::nextToken, DescribeSubnetsResponse::subnets);
    }

    @Override
    protected String id(Subnet s) {
        return s.subnetId();
    }

    @Override
    protected List<Tag> tags(Subnet s) {
        return s.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(Subnet s, ResourceHandle h) {
        return Map.of("vpcId", s.vpcId(), "cidrBlock", s.cidrBlock(), "availabilityZone", s.availabilityZone(),
                "mapPublicIpOnLaunch", Boolean.TRUE.equals(s.mapPublicIpOnLaunch()));
    }

    @Override
    protected java.util.Set<String> references(Subnet s) {
        return java.util.Set.of(s.vpcId());
    }

    @Override
    protected Map<String, Object> outputs(Subnet s) {
        return Map.of("id", s.subnetId(), "arn", s.subnetArn());
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        ec2().deleteSubnet(b -> b.subnetId(id));
    }
}

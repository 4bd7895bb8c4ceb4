package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Map;

/** aws.ec2.Eip: an Elastic IP in the VPC domain, for a NAT gateway. DescribeAddresses is not paginated. */
final class EipProvider extends TaggedEc2Provider<Address> {
    EipProvider(Aws aws) {
        super(aws, "allocation-id", ResourceType.ELASTIC_IP);
    }

    @Override
    public String type() {
        return Ec2Providers.EIP.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        var a = aws.once(() -> ec2().allocateAddress(b -> b.domain(DomainType.VPC).tagSpecifications(tagSpec(r))));
        return finish(Address.builder().allocationId(a.allocationId()).publicIp(a.publicIp()).build(), r);
    }

    @Override
    protected Applied finish(Address a, ResourceRequest r) {
        return new Applied(a.allocationId(), outputs(a));
    }

    @Override
    protected List<Address> describe(List<Filter> filters) {
        return aws.call(() -> ec2().describeAddresses(b -> b.filters(filters))).addresses();
    }

    @Override
    protected String id(Address a) {
        return a.allocationId();
    }

    @Override
    protected List<Tag> tags(Address a) {
        return a.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(Address a, ResourceHandle h) {
        return Map.of("domain", a.domainAsString());
    }

    @Override
    protected Map<String, Object> outputs(Address a) {
        return Map.of("id", a.allocationId(), "allocationId", a.allocationId(), "publicIp", a.publicIp());
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        ec2().releaseAddress(b -> b.allocationId(id));
    }
}

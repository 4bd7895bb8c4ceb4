package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Arns;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.PerItemRead;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcState;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * aws.ec2.Vpc: CreateVpc, then DNS support and hostnames (one ModifyVpcAttribute each), then available. A read reports
 * both attributes, with one DescribeVpcAttribute per VPC and attribute, so drift in them shows.
 */
final class VpcProvider extends TaggedEc2Provider<Vpc> {
    VpcProvider(Aws aws) {
        super(aws, "vpc-id", ResourceType.VPC);
    }

    @Override
    public String type() {
        return Ec2Providers.VPC.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Vpc vpc = aws.once(() -> ec2().createVpc(b -> b.cidrBlock(Props.str(r.inputs(), "cidrBlock")).tagSpecifications(tagSpec(r)))).vpc();
        return finish(vpc, r);
    }

    @Override
    protected Applied finish(Vpc vpc, ResourceRequest r) {
        attributes(vpc.vpcId(), r);
        Vpc ready = aws.poller().await("VPC " + vpc.vpcId() + " to become available", Duration.ofMinutes(5), r.waits(),
                () -> one(vpc.vpcId()).filter(v -> v.state() == VpcState.AVAILABLE));
        return new Applied(ready.vpcId(), outputs(ready));
    }

    /**
     * DNS support and hostnames, one ModifyVpcAttribute each (AWS takes one attribute per call). Hostnames can only be
     * on while support is: support goes first when it is to be on, last when it is to be off.
     */
    private void attributes(String id, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        boolean support = Props.bool(in, "enableDnsSupport"), hostnames = Props.bool(in, "enableDnsHostnames");
        Runnable setSupport = () -> aws.settleRun("VPC " + id, r.waits(), () -> ec2().modifyVpcAttribute(b -> b.vpcId(id).enableDnsSupport(on(support))),
                NewIds.NOT_VISIBLE);
        Runnable setHostnames = () -> aws.settleRun("VPC " + id, r.waits(), () -> ec2().modifyVpcAttribute(b -> b.vpcId(id).enableDnsHostnames(on(hostnames))),
                NewIds.NOT_VISIBLE);
        if (support) setSupport.run();
        setHostnames.run();
        if (!support) setSupport.run();
    }

    static AttributeBooleanValue on(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        attributes(current.physicalId(), r);
        retag(current.physicalId(), r);
        return new Applied(current.physicalId(), current.outputs());
    }

    @Override
    protected List<Vpc> describe(List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2().describeVpcs(b -> b.filters(filters).nextToken(t)),
                DescribeVpcsResponse::nextToken, DescribeVpcsResponse::vpcs);
    }

    @Override
    protected String id(Vpc v) {
        return v.vpcId();
    }

    @Override
    protected List<Tag> tags(Vpc v) {
        return v.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(Vpc v, ResourceHandle h) {
        Map<String, Object> live = new java.util.LinkedHashMap<>(Map.of("cidrBlock", v.cidrBlock(), "name", tag(v.tags(), "Name")));
        PerItemRead.put(live, "enableDnsSupport", () -> attribute(v.vpcId(), VpcAttributeName.ENABLE_DNS_SUPPORT).enableDnsSupport().value());
        PerItemRead.put(live, "enableDnsHostnames", () -> attribute(v.vpcId(), VpcAttributeName.ENABLE_DNS_HOSTNAMES).enableDnsHostnames().value());
        return live;
    }

    /** One DescribeVpcAttribute: AWS answers one attribute per call and has no batch read of them. */
    private DescribeVpcAttributeResponse attribute(String id, VpcAttributeName name) {
        return aws.call(() -> ec2().describeVpcAttribute(b -> b.vpcId(id).attribute(name)));
    }

    @Override
    protected Map<String, Object> outputs(Vpc v) {
        return Map.of("id", v.vpcId(), "arn", Arns.of(aws, "ec2", v.ownerId(), "vpc/" + v.vpcId()));
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        ec2().deleteVpc(b -> b.vpcId(id));
    }
}

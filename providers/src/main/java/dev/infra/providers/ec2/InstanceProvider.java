package dev.infra.providers.ec2;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.ec2.Instance (the NAT instance, the bastion): RunInstances with the AMI resolved by EC2 from the SSM public
 * parameter, IMDSv2 required, the client token; a fresh instance profile that EC2 does not see yet is retried; then
 * source/destination check as asked and running. An update changes the groups, metadata options, source/destination
 * check and instance profile in place ({@link InstanceProfileAssociation}); a read reports the profile associated now
 * (null for none). Terminate waits until terminated, freeing its subnet and groups.
 */
final class InstanceProvider extends TaggedEc2Provider<Instance> {
    InstanceProvider(Aws aws) {
        super(aws, "instance-id", ResourceType.INSTANCE);
        this.profiles = new InstanceProfileAssociation(aws, NEW_PROFILE);
    }

    @Override
    public String type() {
        return Ec2Providers.INSTANCE.type();
    }

    /** A new instance profile (or the role just added to it) not yet visible to EC2; RunInstances carries a client token. */
    private static final Transient NEW_PROFILE = Transient.propagation("EC2 cannot see instance profile %s yet", Transient.IAM_PROPAGATION,
            "InvalidParameterValue", "iamInstanceProfile", "Invalid IAM Instance Profile");

    private final InstanceProfileAssociation profiles;

    @Override
    public Applied create(ResourceRequest r) {
        RunInstancesRequest req = request(r);
        Instance started = aws.settle(Props.str(r.inputs(), "iamInstanceProfile"), r.waits(), () -> ec2().runInstances(req), NEW_PROFILE).instances().get(0);
        return finish(started, r);
    }

    private RunInstancesRequest request(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        RunInstancesRequest.Builder b = RunInstancesRequest.builder().minCount(1).maxCount(1)
                .imageId("resolve:ssm:" + Props.str(in, "imageSsmParameter")).instanceType(Props.str(in, "instanceType"))
                .clientToken(r.idempotencyToken()).metadataOptions(m -> m.httpTokens(HttpTokensState.fromValue(Props.str(in, "metadataHttpTokens", "required"))))
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(Props.str(in, "subnetId")).groups(Props.strings(in, "securityGroupIds"))
                        .associatePublicIpAddress(Props.bool(in, "associatePublicIpAddress")));
        String profile = Props.str(in, "iamInstanceProfile");
        if (profile != null) b.iamInstanceProfile(p -> p.arn(profile));
        String userData = Props.str(in, "userData");
        if (userData != null) b.userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)));
        return b.tagSpecifications(tagSpec(r)).build();
    }

    @Override
    protected Applied finish(Instance i, ResourceRequest r) {
        String id = i.instanceId();
        sourceDestCheck(id, r);
        Instance running = aws.poller().await("instance " + id + " to be running", Duration.ofMinutes(10), r.waits(),
                () -> one(id).filter(x -> x.state().name() == InstanceStateName.RUNNING));
        return new Applied(id, outputs(running));
    }

    /** On unless the inputs turn it off (a NAT instance forwards others' traffic). */
    private void sourceDestCheck(String id, ResourceRequest r) {
        boolean on = !r.inputs().containsKey("sourceDestCheck") || Props.bool(r.inputs(), "sourceDestCheck");
        aws.run(() -> ec2().modifyInstanceAttribute(b -> b.instanceId(id).sourceDestCheck(VpcProvider.on(on))));
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        String id = current.physicalId();
        aws.run(() -> ec2().modifyInstanceAttribute(b -> b.instanceId(id).groups(Props.strings(r.inputs(), "securityGroupIds"))));
        String tokens = Props.str(r.inputs(), "metadataHttpTokens", "required");
        if (!tokens.equals(Props.str(current.inputs(), "metadataHttpTokens", "required")))
            aws.run(() -> ec2().modifyInstanceMetadataOptions(b -> b.instanceId(id).httpTokens(HttpTokensState.fromValue(tokens))));
        sourceDestCheck(id, r);
        profiles.apply(id, Props.str(r.inputs(), "iamInstanceProfile"), r.waits());
        retag(id, r);
        return new Applied(id, current.outputs());
    }

    @Override
    protected List<Instance> describe(List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2().describeInstances(b -> b.filters(filters).nextToken(t)),
                DescribeInstancesResponse::nextToken, p -> p.reservations().stream().map(Reservation::instances).flatMap(List::stream).toList());
    }

    @Override
    protected boolean gone(Instance i) {
        return i.state().name() == InstanceStateName.TERMINATED || i.state().name() == InstanceStateName.SHUTTING_DOWN;
    }

    @Override
    protected String id(Instance i) {
        return i.instanceId();
    }

    @Override
    protected List<Tag> tags(Instance i) {
        return i.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(Instance i, ResourceHandle h) {
        Map<String, Object> in = new java.util.HashMap<>(Map.of("instanceType", i.instanceTypeAsString(), "subnetId", i.subnetId(),
                "securityGroupIds", groupIds(i)));
        if (i.sourceDestCheck() != null) in.put("sourceDestCheck", i.sourceDestCheck());
        if (i.metadataOptions() != null && i.metadataOptions().httpTokens() != null) in.put("metadataHttpTokens", i.metadataOptions().httpTokensAsString());
        in.put("iamInstanceProfile", i.iamInstanceProfile() == null ? null : i.iamInstanceProfile().arn());
        return in;
    }

    /**
     * The groups of the primary network interface (the instance's own groups; AWS also lists them on the instance,
     * but emulators such as moto only on the interface of an instance launched with one), else the instance's.
     */
    static List<String> groupIds(Instance i) {
        List<software.amazon.awssdk.services.ec2.model.GroupIdentifier> groups = i.networkInterfaces().stream()
                .filter(n -> n.attachment() == null || Integer.valueOf(0).equals(n.attachment().deviceIndex())).findFirst()
                .map(n -> n.groups()).filter(g -> !g.isEmpty()).orElse(i.securityGroups());
        return groups.stream().map(g -> g.groupId()).sorted().toList();
    }

    @Override
    protected java.util.Set<String> references(Instance i) {
        java.util.Set<String> refs = new java.util.HashSet<>();
        if (i.subnetId() != null) refs.add(i.subnetId());
        i.securityGroups().forEach(g -> refs.add(g.groupId()));
        return refs;
    }

    @Override
    protected Map<String, Object> outputs(Instance i) {
        return Map.of("id", i.instanceId(), "primaryNetworkInterfaceId", i.networkInterfaces().get(0).networkInterfaceId(),
                "privateIp", i.privateIpAddress());
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        ec2().terminateInstances(b -> b.instanceIds(id));
        aws.poller().await("instance " + id + " to terminate", Duration.ofMinutes(10), waits,
                () -> one(id).filter(i -> i.state().name() != InstanceStateName.TERMINATED).isPresent() ? Optional.empty() : Optional.of(id));
    }
}

package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociationState;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instance's IAM instance profile changed in place, as AWS allows: an instance has at most one association, so a
 * profile is associated where there is none, replaced where there is one (ReplaceIamInstanceProfileAssociation), and
 * disassociated when none is wanted; each change is waited for until settled, so a read after it shows the profile.
 */
final class InstanceProfileAssociation {
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private final Aws aws;
    private final Transient newProfile;

    InstanceProfileAssociation(Aws aws, Transient newProfile) {
        this.aws = aws;
        this.newProfile = newProfile;
    }

    private Ec2Client ec2() {
        return aws.client(Ec2Client.class, Ec2Client::builder);
    }

    /** Makes {@code arn} (null: none) the instance's profile, unless it already is. */
    void apply(String instanceId, String arn, WaitReporter waits) {
        Optional<IamInstanceProfileAssociation> held = settled(instanceId, waits);
        if (Objects.equals(held.map(a -> a.iamInstanceProfile().arn()).orElse(null), arn)) return;
        if (arn == null) {
            String id = held.get().associationId();
            aws.run(() -> ec2().disassociateIamInstanceProfile(b -> b.associationId(id)));
            aws.poller().await("the instance profile of " + instanceId + " to be disassociated", SETTLE, waits,
                    () -> current(instanceId).isPresent() ? Optional.empty() : Optional.of(instanceId));
            return;
        }
        if (held.isPresent()) aws.settle(arn, waits, () -> ec2().replaceIamInstanceProfileAssociation(b -> b
                .associationId(held.get().associationId()).iamInstanceProfile(p -> p.arn(arn))), newProfile);
        else aws.settle(arn, waits, () -> ec2().associateIamInstanceProfile(b -> b.instanceId(instanceId).iamInstanceProfile(p -> p.arn(arn))), newProfile);
        aws.poller().await("instance profile " + arn + " to be associated with " + instanceId, SETTLE, waits,
                () -> current(instanceId).filter(a -> a.state() == IamInstanceProfileAssociationState.ASSOCIATED && arn.equals(a.iamInstanceProfile().arn())));
    }

    /** The instance's association once it is not associating or disassociating (AWS changes neither meanwhile), if any. */
    private Optional<IamInstanceProfileAssociation> settled(String instanceId, WaitReporter waits) {
        return aws.poller().await("the instance profile association of " + instanceId + " to settle", SETTLE, waits, () -> {
            Optional<IamInstanceProfileAssociation> a = current(instanceId);
            return a.isEmpty() || a.get().state() == IamInstanceProfileAssociationState.ASSOCIATED ? Optional.of(a) : Optional.empty();
        });
    }

    /**
     * The instance's association that is not yet disassociated, if any (AWS also lists disassociated ones; a filter
     * only narrows the query, so each result is checked for the instance and its state).
     */
    private Optional<IamInstanceProfileAssociation> current(String instanceId) {
        List<Filter> filters = List.of(Filter.builder().name("instance-id").values(instanceId).build());
        return Pages.all(aws.retry(), t -> ec2().describeIamInstanceProfileAssociations(b -> b.filters(filters).nextToken(t)),
                        DescribeIamInstanceProfileAssociationsResponse::nextToken, DescribeIamInstanceProfileAssociationsResponse::iamInstanceProfileAssociations)
                .stream().filter(a -> instanceId.equals(a.instanceId()) && a.state() != IamInstanceProfileAssociationState.DISASSOCIATED).findFirst();
    }
}

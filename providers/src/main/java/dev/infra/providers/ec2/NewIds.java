package dev.infra.providers.ec2;

import dev.infra.providers.aws.Transient;

import java.time.Duration;

/**
 * EC2's eventual consistency right after a create: the new id is not yet known to the calls that name it
 * ({@code InvalidVpcID.NotFound}, {@code InvalidGroup.NotFound}...). TPA retries any ".NotFound" for 5 min after a
 * create; used only on ids just created or just handed over by the step that created them.
 */
final class NewIds {
    static final Transient NOT_VISIBLE = Transient.propagation("EC2 does not know %s yet", Duration.ofMinutes(5),
            "Invalid\\w*ID\\.NotFound|InvalidGroup\\.NotFound");

    private NewIds() { }
}

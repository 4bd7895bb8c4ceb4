package dev.infra.providers.appautoscaling;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;

import java.util.Optional;

/**
 * Application Auto Scaling registers targets and puts policies as upserts: the create call also adopts what an
 * earlier attempt made and applies an update, so findExisting and update are that same call.
 */
abstract class UpsertProvider implements ResourceProvider {
    protected final Aws aws;

    UpsertProvider(Aws aws) {
        this.aws = aws;
    }

    protected ApplicationAutoScalingClient scaling() {
        return aws.client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder);
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return Optional.of(create(r));
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        return create(r);
    }
}

package dev.infra.providers.s3;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateBackendFactory;
import dev.infra.providers.aws.AwsClients;

/**
 * {@code s3://BUCKET[/PREFIX]}, and the empty URL: the default bucket {@code infra-state-ACCOUNT-REGION}, created
 * on first use versioned, encrypted and private ({@link DefaultBucket}); where each keeps state: {@link S3StateLocation}.
 */
public final class S3StateBackendFactory implements StateBackendFactory {
    @Override
    public boolean supports(String url) {
        return S3StateLocation.isS3(url);
    }

    @Override
    public StateBackend open(String url, ProviderConfig config) {
        AwsClients clients = new AwsClients(config);
        S3StateLocation at = S3StateLocation.isDefault(url)
                ? S3StateLocation.inDefaultBucket(DefaultBucket.ensure(clients)) : S3StateLocation.parse(url);
        return new ObjectStateBackend(new S3Store(clients.s3(), at.bucket(), at.prefix()));
    }
}

package dev.infra.providers.s3;

import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateBackendFactory;
import dev.infra.providers.aws.AwsClients;

/**
 * {@code s3://BUCKET[/PREFIX]}, and the empty URL: the default bucket {@code infra-state-ACCOUNT-REGION}, created
 * on first use versioned, encrypted and private ({@link DefaultBucket}).
 */
public final class S3StateBackendFactory implements StateBackendFactory {
    @Override
    public boolean supports(String url) {
        return url.isEmpty() || url.startsWith("s3://");
    }

    @Override
    public StateBackend open(String url, ProviderConfig config) {
        AwsClients clients = new AwsClients(config);
        if (url.isEmpty()) {
            String bucket = DefaultBucket.ensure(clients);
            return new ObjectStateBackend(new S3Store(clients.s3(), bucket, "infra"));
        }
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"))
            throw new InvalidInputException("state: '" + bucket + "' is not a valid S3 bucket name (in " + url + ")");
        return new ObjectStateBackend(new S3Store(clients.s3(), bucket, prefix));
    }
}

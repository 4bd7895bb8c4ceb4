package dev.infra.providers.aws;

import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credential chain, asked once per process for an answer: when it finds no credentials, every later call fails
 * at once with the same one-line error (instead of each of a deploy's parallel steps probing the whole chain
 * again, instance metadata included, and printing the SDK's page-long message). Found credentials are left to the
 * chain itself, which refreshes them when they expire.
 */
final class OnceCredentials implements AwsCredentialsProvider {
    private final AwsCredentialsProvider chain;
    private final String hint;
    private volatile InfraException missing;
    private volatile boolean found;

    OnceCredentials(AwsCredentialsProvider chain, String hint) {
        this.chain = chain;
        this.hint = hint;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        if (found) return chain.resolveCredentials();
        synchronized (this) {
            if (missing != null) throw missing;
            try {
                AwsCredentials c = chain.resolveCredentials();
                found = true;
                return c;
            } catch (RuntimeException e) {
                missing = new InfraException(ExitCode.FAILURE, "no AWS credentials found: " + hint);
                throw missing;
            }
        }
    }
}

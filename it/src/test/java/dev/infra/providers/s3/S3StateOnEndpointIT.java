package dev.infra.providers.s3;

import dev.infra.core.state.ConditionalStore;
import dev.infra.core.state.StateBackendConformance;
import dev.infra.providers.s3.S3Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.providers.aws.AwsClients;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.UUID;

/**
 * The shared state-backend suite, race tests included, against the S3 of an AWS-compatible emulator named by
 * {@code INFRA_IT_ENDPOINT} (skipped without one, and for real AWS, where it would need a bucket of its own): the
 * S3 store's conditional writes (If-None-Match, If-Match) and leased locks on a second S3 implementation, through
 * the same S3 client the state backend builds for an endpoint.
 */
class S3StateOnEndpointIT extends StateBackendConformance {
    private static S3Client s3;

    @BeforeAll
    static void client() {
        String url = System.getenv("INFRA_IT_ENDPOINT");
        boolean emulator = url != null && !url.isBlank() && !url.equals("aws");
        if (!emulator) System.out.println("SKIPPED S3 state conformance: no emulator INFRA_IT_ENDPOINT");
        Assumptions.assumeTrue(emulator, "needs an emulator INFRA_IT_ENDPOINT");
        if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
        }
        s3 = new AwsClients(new ProviderConfig(null, "us-east-1", url, false)).s3();
    }

    @AfterAll
    static void close() {
        if (s3 != null) s3.close();
    }

    @Override
    protected ConditionalStore newStore() {
        String bucket = "state-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(bucket));
        return new S3Store(s3, bucket, "infra");
    }
}

package dev.infra.providers.s3;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;


import static org.assertj.core.api.Assertions.assertThat;

class DefaultBucketTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    @Test
    void createdVersionedAndASecondCreateIsHarmless() {
        try (S3Client s3 = dev.infra.providers.testing.S3MockClients.client(S3_MOCK)) {
            String bucket = DefaultBucket.name("123456789012", "us-east-1");
            // S3Mock implements neither PutBucketEncryption nor PutPublicAccessBlock: encrypt and blockPublicAccess are not exercised here
            DefaultBucket.createVersioned(s3, bucket, "us-east-1");
            DefaultBucket.createVersioned(s3, bucket, "us-east-1"); // a second first run is harmless
            assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        }
    }
}

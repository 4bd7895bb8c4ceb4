package dev.infra.providers.s3;

import dev.infra.providers.aws.AwsClients;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The account's default state bucket: created once, versioned (history of every state), SSE-encrypted, private. */
public final class DefaultBucket {
    private DefaultBucket() { }

    public static String name(String accountId, String region) {
        return "infra-state-" + accountId + "-" + region;
    }

    /** Creates the bucket when missing and returns its name. */
    public static String ensure(AwsClients clients) {
        String account = clients.sts().getCallerIdentity().account();
        String bucket = name(account, clients.region());
        S3Client s3 = clients.s3();
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return bucket;
        } catch (NoSuchBucketException e) {
            create(s3, bucket, clients.region());
        } catch (S3Exception e) {
            if (e.statusCode() != 404) throw e;
            create(s3, bucket, clients.region());
        }
        return bucket;
    }

    static void create(S3Client s3, String bucket, String region) {
        createVersioned(s3, bucket, region);
        encrypt(s3, bucket);
        blockPublicAccess(s3, bucket);
    }

    static void createVersioned(S3Client s3, String bucket, String region) {
        try {
            s3.createBucket(b -> {
                b.bucket(bucket);
                if (!region.equals("us-east-1"))
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            });
        } catch (BucketAlreadyOwnedByYouException e) {
            // created by a concurrent first run: configure it all the same
        }
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    static void encrypt(S3Client s3, String bucket) {
        s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)).bucketKeyEnabled(true))));
    }

    static void blockPublicAccess(S3Client s3, String bucket) {
        s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    }
}

package dev.infra.providers.s3;

import dev.infra.core.diag.InvalidInputException;

/**
 * Where a state URL keeps the stages' state in S3: the bucket and the key prefix (empty, or ending in {@code /}) under
 * which each stage's objects are {@code APP/STAGE/...}. {@code s3://BUCKET[/PREFIX]}, or the empty URL: the account's
 * default bucket ({@link DefaultBucket}) under {@code infra/}.
 */
public record S3StateLocation(String bucket, String prefix) {
    private static final String DEFAULT_PREFIX = "infra/";
    private static final String SCHEME = "s3://";

    public S3StateLocation {
        prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** Whether the URL keeps state in S3: {@code s3://}, or blank (the default bucket). */
    public static boolean isS3(String url) {
        return isDefault(url) || url.startsWith(SCHEME);
    }

    /** Whether the URL names the account's default bucket. */
    public static boolean isDefault(String url) {
        return url.isBlank();
    }

    /** The default bucket of {@code account} (an id, or a pattern such as {@code *}) in {@code region}. */
    public static S3StateLocation defaultBucket(String account, String region) {
        return inDefaultBucket(DefaultBucket.name(account, region));
    }

    /** Where state is kept in the default bucket named {@code bucket}. */
    public static S3StateLocation inDefaultBucket(String bucket) {
        return new S3StateLocation(bucket, DEFAULT_PREFIX);
    }

    /** The bucket and prefix of an {@code s3://BUCKET[/PREFIX]} URL; a bad bucket name is invalid input. */
    public static S3StateLocation parse(String url) {
        if (!url.startsWith(SCHEME)) throw new IllegalArgumentException("not an s3:// URL");
        String rest = url.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"))
            throw new InvalidInputException("state: '" + bucket + "' is not a valid S3 bucket name (in " + url + ")");
        return new S3StateLocation(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /** The folder of one stage's objects: the snapshot, the journal records, the lock. */
    public String stageFolder(String app, String stage) {
        return prefix + app + "/" + stage + "/";
    }
}

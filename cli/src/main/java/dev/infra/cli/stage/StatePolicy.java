package dev.infra.cli.stage;

import dev.infra.providers.s3.S3StateLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements a CI role needs for the stage's state when it is kept in S3 ({@code s3://BUCKET[/PREFIX]}, or the
 * account's default bucket: where each keeps it is {@link S3StateLocation}'s): the stage's own objects (the snapshot,
 * the journal records, the lock) and a listing of that folder only. Every command reads them; deploy and remove also
 * write and delete them (the lock, the journal, the snapshot). The default bucket is made on first use, by whichever
 * command runs first, so every command may need to make and configure it; whether it exists is asked with HeadBucket,
 * which IAM authorises as {@code s3:ListBucket} with no prefix, so that bucket's listing cannot be limited to the
 * stage's folder (it shows key names, not state). A state kept anywhere else ({@code file://}, {@code mem://}) needs
 * nothing.
 */
final class StatePolicy {
    /** The default bucket's account, as a policy names it: any (the policy does not know the account it is for). */
    private static final String ANY_ACCOUNT = "*";

    private StatePolicy() { }

    static List<Map<String, Object>> statements(String stateUrl, String app, String stage, String region, StagePolicy.Mode mode) {
        if (!S3StateLocation.isS3(stateUrl)) return List.of();
        boolean defaultBucket = S3StateLocation.isDefault(stateUrl);
        S3StateLocation at = defaultBucket ? S3StateLocation.defaultBucket(ANY_ACCOUNT, region) : S3StateLocation.parse(stateUrl);
        String bucket = "arn:aws:s3:::" + at.bucket(), folder = at.stageFolder(app, stage);
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> objects = new ArrayList<>(List.of("s3:GetObject"));
        if (mode != StagePolicy.Mode.DIFF) objects.addAll(List.of("s3:PutObject", "s3:DeleteObject"));
        out.add(statement("StateObjects", objects, bucket + "/" + folder + "*", Map.of()));
        out.add(statement("StateList", List.of("s3:ListBucket"), bucket, Map.of("StringLike", Map.of("s3:prefix", folder + "*"))));
        if (defaultBucket)
            out.add(statement("StateDefaultBucket", List.of("s3:ListBucket", "s3:CreateBucket", "s3:PutBucketVersioning",
                    "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock"), bucket, Map.of()));
        return out;
    }

    private static Map<String, Object> statement(String sid, List<String> actions, String resource, Map<String, Object> condition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", actions);
        s.put("Resource", resource);
        if (!condition.isEmpty()) s.put("Condition", condition);
        return s;
    }
}

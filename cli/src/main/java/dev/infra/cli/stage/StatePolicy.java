package dev.infra.cli.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements a CI role needs for the stage's state when it is kept in S3 ({@code s3://BUCKET[/PREFIX]}, or the
 * account's default bucket {@code infra-state-ACCOUNT-REGION} under {@code infra/}): the stage's own objects
 * ({@code PREFIX/APP/STAGE/}: the snapshot, the journal records, the lock) and a listing of that folder only. Every
 * command reads them; deploy and remove also write and delete them (the lock, the journal, the snapshot). The default
 * bucket is made on first use, by whichever command runs first, so every command may need to make and configure it;
 * whether it exists is asked with HeadBucket, which IAM authorises as {@code s3:ListBucket} with no prefix, so that
 * bucket's listing cannot be limited to the stage's folder (it shows key names, not state).
 * A {@code file://} state needs nothing.
 */
final class StatePolicy {
    private static final String DEFAULT_PREFIX = "infra/";

    private StatePolicy() { }

    static List<Map<String, Object>> statements(String stateUrl, String app, String stage, String region, StagePolicy.Mode mode) {
        if (stateUrl.startsWith("file://")) return List.of();
        boolean defaultBucket = stateUrl.isBlank();
        String rest = defaultBucket ? "" : stateUrl.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = defaultBucket ? "infra-state-*-" + region : slash < 0 ? rest : rest.substring(0, slash);
        String prefix = defaultBucket ? DEFAULT_PREFIX : slash < 0 ? "" : folder(rest.substring(slash + 1));
        String folder = prefix + app + "/" + stage + "/";
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> objects = new ArrayList<>(List.of("s3:GetObject"));
        if (mode != StagePolicy.Mode.DIFF) objects.addAll(List.of("s3:PutObject", "s3:DeleteObject"));
        out.add(statement("StateObjects", objects, "arn:aws:s3:::" + bucket + "/" + folder + "*", Map.of()));
        out.add(statement("StateList", List.of("s3:ListBucket"), "arn:aws:s3:::" + bucket,
                Map.of("StringLike", Map.of("s3:prefix", folder + "*"))));
        if (defaultBucket)
            out.add(statement("StateDefaultBucket", List.of("s3:ListBucket", "s3:CreateBucket", "s3:PutBucketVersioning",
                    "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock"), "arn:aws:s3:::" + bucket, Map.of()));
        return out;
    }

    private static String folder(String prefix) {
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
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

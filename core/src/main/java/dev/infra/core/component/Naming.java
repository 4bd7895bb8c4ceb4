package dev.infra.core.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Physical names: {@code {app}-{stage}-{component}[-{suffix}]}. Where AWS limits the length, the name is cut and
 * ends with a stable 6-hex hash of the full name, so two long names never collide and a rerun gets the same name.
 */
public final class Naming {
    public static final int ALB = 32;
    public static final int TARGET_GROUP = 32;
    public static final int RDS = 63;
    public static final int IAM_ROLE = 64;
    public static final int DEFAULT = 128;

    private Naming() { }

    public static String physical(String app, String stage, String component, String suffix, int maxLength) {
        String full = app + "-" + stage + "-" + component + (suffix.isEmpty() ? "" : "-" + suffix);
        return shorten(full, maxLength);
    }

    /**
     * The start every physical name of the stage has, even once {@link #shorten shortened} to {@code maxLength}: what
     * a sweep narrows a name-listing read with. A hint only; what it finds is proven the stage's by its own tags.
     */
    public static String stagePrefix(String app, String stage, int maxLength) {
        String prefix = app + "-" + stage + "-";
        String kept = prefix.substring(0, Math.min(prefix.length(), maxLength - 7));
        while (kept.endsWith("-") && kept.length() < prefix.length()) kept = kept.substring(0, kept.length() - 1);
        return kept;
    }

    /**
     * The stage's path, {@code /infra/APP/STAGE/}: what its IAM roles and instance profiles are created under and its
     * log groups are named under, so that a policy can scope them by name and a sweep can list them.
     */
    public static String stagePath(String app, String stage) {
        return "/infra/" + app + "/" + stage + "/";
    }

    public static String shorten(String full, int maxLength) {
        if (full.length() <= maxLength) return full;
        String hash = hash(full).substring(0, 6);
        String head = full.substring(0, maxLength - hash.length() - 1);
        while (head.endsWith("-")) head = head.substring(0, head.length() - 1);
        return head + "-" + hash;
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

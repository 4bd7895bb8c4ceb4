package dev.infra.core.component;

import java.util.Map;

/**
 * The tag of an image built from source: {@code src-} and the first 32 hex digits of the build context's content
 * digest, a valid tag and unique enough per repository. Known before any build, so the plan can name the exact
 * image a changed source will produce; the image provider pushes under the same tag.
 */
public final class ImageTag {
    private ImageTag() { }

    public static String of(String contentDigest) {
        int colon = contentDigest.indexOf(':');
        return "src-" + contentDigest.substring(colon + 1, Math.min(contentDigest.length(), colon + 33));
    }

    /** A docker.Image's URI, {@code repositoryUrl:tag}, once both inputs are known strings. */
    public static Map<String, Object> predict(Map<String, Object> inputs) {
        if (inputs.get("repositoryUrl") instanceof String url && inputs.get("contentDigest") instanceof String digest)
            return Map.of("imageUri", url + ":" + of(digest));
        return Map.of();
    }
}

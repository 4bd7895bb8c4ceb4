package dev.infra.providers.aws;

import dev.infra.core.component.Tags;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;

import java.util.Map;

/** Whether a resource's tags prove infra made it for this stage (and which address it was made for). */
public final class Owned {
    private Owned() { }

    public static boolean byRequest(Map<String, String> tags, ResourceRequest r) {
        return r.address().equals(tags.get(Tags.RESOURCE)) && byStage(tags, r.stage());
    }

    public static boolean byStage(Map<String, String> tags, StageContext s) {
        return s.app().equals(tags.get(Tags.APP)) && s.stage().equals(tags.get(Tags.STAGE));
    }

    public static String address(Map<String, String> tags) {
        return tags.getOrDefault(Tags.RESOURCE, "");
    }
}

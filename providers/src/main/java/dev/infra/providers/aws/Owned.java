package dev.infra.providers.aws;

import dev.infra.core.provider.Ownership;
import dev.infra.core.provider.ResourceRequest;

import java.util.Map;

/** Whether a resource's tags prove infra made it for this stage (and which address it was made for). */
public final class Owned {
    private Owned() { }

    /** Adoption: the tags carry the request's app, stage and address ({@link Ownership}, the one rule). */
    public static boolean byRequest(Map<String, String> tags, ResourceRequest r) {
        return Ownership.ofAddress(r.stage(), r.address()).ours(tags);
    }
}

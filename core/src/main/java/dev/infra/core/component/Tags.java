package dev.infra.core.component;

import java.util.Map;

/** The tags every taggable resource carries: they let a rerun adopt what it created and {@code remove} find orphans. */
public final class Tags {
    public static final String APP = "infra:app";
    public static final String STAGE = "infra:stage";
    public static final String RESOURCE = "infra:resource";

    private Tags() { }

    public static Map<String, String> standard(String app, String stage, String address) {
        return Map.of(APP, app, STAGE, stage, RESOURCE, address);
    }
}

package dev.infra.core.component;

import dev.infra.core.provider.ProviderPlugin;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The schemas of every resource type, as the provider plugins on the class path declare them
 * ({@link ProviderPlugin#schemas()}, found by {@link ServiceLoader}; no client is built). Each provider package owns
 * its types' schemas; this is only the lookup. Two plugins declaring one type is a defect of the build.
 */
public final class ResourceTypes {
    /** The account every app reads (its id and partition); {@link Expander} emits it. */
    public static final String ACCOUNT_TYPE = "aws.sts.Account";
    /** The delete-time input that asks a database for a final snapshot. */
    public static final String FINAL_SNAPSHOT = "finalSnapshot";
    private static volatile Map<String, ResourceSchema> all;

    private ResourceTypes() { }

    /** Whether deleting this type can take a final snapshot ({@link #FINAL_SNAPSHOT} in its inputs). */
    public static boolean snapshotsOnDelete(String type) {
        return find(type).map(ResourceSchema::snapshotOnDelete).orElse(false);
    }

    public static int typicalSeconds(String type) {
        return find(type).map(ResourceSchema::typicalSeconds).orElse(3);
    }

    public static Map<String, ResourceSchema> all() {
        Map<String, ResourceSchema> loaded = all;
        if (loaded == null) all = loaded = load();
        return loaded;
    }

    public static Optional<ResourceSchema> find(String type) {
        return Optional.ofNullable(all().get(type));
    }

    private static Map<String, ResourceSchema> load() {
        Map<String, ResourceSchema> byType = new TreeMap<>();
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class))
            for (ResourceSchema s : plugin.schemas())
                if (byType.put(s.type(), s) != null)
                    throw new IllegalStateException("two provider plugins declare the schema of " + s.type());
        return Collections.unmodifiableMap(byType);
    }
}

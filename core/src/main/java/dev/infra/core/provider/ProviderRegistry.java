package dev.infra.core.provider;

import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** Providers by resource type. Core never switches on a type: it asks this. */
public final class ProviderRegistry {
    private final Map<String, ResourceProvider> byType;

    public ProviderRegistry(Collection<ResourceProvider> providers) {
        Map<String, ResourceProvider> m = new HashMap<>();
        for (ResourceProvider p : providers) m.put(p.type(), p);
        this.byType = Map.copyOf(m);
    }

    /** Every plugin on the class path (ServiceLoader). */
    public static ProviderRegistry discover(ProviderConfig config) {
        java.util.List<ResourceProvider> all = new java.util.ArrayList<>();
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class)) all.addAll(plugin.providers(config));
        return new ProviderRegistry(all);
    }

    public Optional<ResourceProvider> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The provider, or an error naming the type and exit code {@link ExitCode#NO_PROVIDER}. */
    public ResourceProvider get(String type) {
        ResourceProvider p = byType.get(type);
        if (p == null) throw new InfraException(ExitCode.NO_PROVIDER,
                "no provider is registered for resource type " + type + "; this build cannot create, read or delete it");
        return p;
    }

    /** Of the given types, those without a provider, sorted. */
    public Set<String> missing(Collection<String> types) {
        Set<String> out = new TreeSet<>();
        for (String t : types) if (!byType.containsKey(t)) out.add(t);
        return out;
    }
}

package dev.infra.core.secrets;

import dev.infra.core.model.AppConfig;
import dev.infra.core.model.ServiceDef;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The secrets a stage's services read, and which of them the store lacks: what deploy checks before any change. */
public final class RequiredSecrets {
    private RequiredSecrets() { }

    /** Every name some service lists under {@code secrets:}, sorted. */
    public static Set<String> of(AppConfig config) {
        Set<String> names = new TreeSet<>();
        config.resources().values().stream().filter(ServiceDef.class::isInstance).map(ServiceDef.class::cast)
                .forEach(s -> names.addAll(s.secrets()));
        return names;
    }

    /** The required names that are not set (one listing of the store; none when no service reads secrets). */
    public static List<String> missing(AppConfig config, SecretsStore store) {
        Set<String> need = of(config);
        if (need.isEmpty()) return List.of();
        Set<String> set = store.list().stream().map(SecretsStore.SecretInfo::name).collect(Collectors.toSet());
        return need.stream().filter(n -> !set.contains(n)).toList();
    }
}

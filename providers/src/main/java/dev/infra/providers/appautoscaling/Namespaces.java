package dev.infra.providers.appautoscaling;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.aws.Props;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Handles grouped by service namespace: the auto scaling reads make one Describe per namespace. */
final class Namespaces {
    private Namespaces() { }

    static Map<String, List<ResourceHandle>> group(List<ResourceHandle> handles) {
        Map<String, List<ResourceHandle>> out = new TreeMap<>();
        handles.forEach(h -> out.computeIfAbsent(Props.str(h.inputs(), "serviceNamespace"), k -> new ArrayList<>()).add(h));
        return out;
    }
}

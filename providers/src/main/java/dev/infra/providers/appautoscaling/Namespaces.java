package dev.infra.providers.appautoscaling;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What both auto scaling providers share: the client, and handles grouped by service namespace (one Describe each). */
final class Namespaces {
    private Namespaces() { }

    static ApplicationAutoScalingClient client(Aws aws) {
        return aws.client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder);
    }

    static Map<String, List<ResourceHandle>> group(List<ResourceHandle> handles) {
        Map<String, List<ResourceHandle>> out = new TreeMap<>();
        handles.forEach(h -> out.computeIfAbsent(Props.str(h.inputs(), "serviceNamespace"), k -> new ArrayList<>()).add(h));
        return out;
    }
}

package dev.infra.providers.logs;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The CloudWatch Logs resource types. */
public final class LogsProviders {
    private LogsProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new LogGroupProvider(aws));
    }
}

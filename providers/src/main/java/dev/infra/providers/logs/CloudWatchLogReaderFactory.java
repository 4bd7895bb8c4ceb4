package dev.infra.providers.logs;

import dev.infra.core.logs.LogReader;
import dev.infra.core.logs.LogReaderFactory;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsClients;

/** CloudWatch Logs for every endpoint but the engine's test one ({@code fakecloud://}), which has no logs. */
public final class CloudWatchLogReaderFactory implements LogReaderFactory {
    @Override
    public boolean handles(ProviderConfig config) {
        return config.endpoint() == null || !config.endpoint().startsWith("fakecloud://");
    }

    @Override
    public LogReader open(ProviderConfig config) {
        return new CloudWatchLogReader(new Aws(new AwsClients(config)));
    }
}

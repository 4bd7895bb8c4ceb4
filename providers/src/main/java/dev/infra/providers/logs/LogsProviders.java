package dev.infra.providers.logs;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The CloudWatch Logs resource types. */
public final class LogsProviders {
    public static final ResourceSchema LOG_GROUP = ResourceSchema.of("aws.logs.LogGroup")
            .takesInputs("logGroupName:string", "retentionInDays:number").forceNew("logGroupName").outputs("name", "arn").holdsData().named("logGroupName");

    private LogsProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(LOG_GROUP);
    }

    public static List<ResourceProvider> all(Aws aws) {
        return List.of(new LogGroupProvider(aws));
    }
}

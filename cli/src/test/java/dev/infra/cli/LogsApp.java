package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The one-service app (two tasks) the logs tests run, in a directory, on a FakeAws of its own with small pages;
 * close it to forget the FakeAws.
 */
final class LogsApp implements AutoCloseable {
    private static final String APP = """
            app: shop
            region: us-east-1
            state: file://.infra/state
            resources:
              vpc: { type: vpc, azs: 2, nat: none }
              cluster: { type: cluster, vpc: vpc }
              web:
                type: service
                cluster: cluster
                image: "example/web:1"
                port: 8080
                scaling: { min: 2, max: 3, cpu: 70 }
            """;
    private final String name = "logs-" + UUID.randomUUID();
    final StageCli cli;

    LogsApp(Path dir) throws IOException {
        FakeAws.named(name).pageSize(3);
        Files.writeString(dir.resolve("infra.yaml"), APP);
        cli = new StageCli(dir, env(), "dev");
    }

    /** The environment that points the CLI at this app's FakeAws. */
    Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name);
    }

    @Override
    public void close() {
        FakeAws.forget(name);
    }
}

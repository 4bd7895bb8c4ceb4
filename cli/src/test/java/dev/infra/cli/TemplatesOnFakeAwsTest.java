package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.providers.docker.FakeDocker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every starter template `infra init` writes (with the placeholder Dockerfile it writes) deploys as written on FakeAws (state kept in a local file, as FakeAws
 * has no S3), diffs clean after a refresh, and removes.
 */
class TemplatesOnFakeAwsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"web", "web-db", "full"})
    void aTemplateDeploysAsWrittenAndRemoves(String template) throws Exception {
        String name = "tpl-" + UUID.randomUUID();
        FakeAws fake = FakeAws.named(name).pageSize(100);
        try {
            Files.writeString(dir.resolve(".env"), "SESSION_SECRET=s-1\n");
            StageCli cli = new StageCli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), "dev");
            cli.ok("init", "--template", template, "--app", "starter");
            Files.writeString(dir.resolve("infra.yaml"), "\nstate: file://.infra/state\n", java.nio.file.StandardOpenOption.APPEND);
            if (Files.readString(dir.resolve("infra.yaml")).contains("secrets:")) cli.ok("secrets", "load", ".env");
            assertThat(Files.readString(dir.resolve(".dockerignore"))).contains(".env").contains(".infra/");
            cli.ok("deploy", "--yes");
            assertThat(FakeDocker.of(fake).builds()).as("images built from the Dockerfile init wrote").isNotEmpty();
            cli.assertClean("--refresh");
            cli.ok("remove", "--yes");
            assertThat(fake.tagged(Map.of("infra:app", "starter", "infra:stage", "dev")))
                    .as("only secrets may stay").allMatch(arn -> arn.startsWith("arn:aws:ssm:"));
        } finally {
            FakeAws.forget(name);
        }
    }
}

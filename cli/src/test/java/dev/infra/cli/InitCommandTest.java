package dev.infra.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra init} leaves a directory on which its own suggested next command works: in an empty directory, with
 * no AWS credentials and no endpoint, the "Next:" line it prints is run as printed and plans the whole template.
 */
class InitCommandTest {
    private static final Pattern NEXT = Pattern.compile("Next: infra (.+?)\\s{3}");
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"web", "web-db", "full"})
    void theSuggestedNextCommandWorksOfflineInAnEmptyDirectory(String template) throws Exception {
        Cli cli = new Cli(dir, Map.of());
        Cli.Result init = cli.run("init", "--template", template, "--app", "starter");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("Wrote Dockerfile: a placeholder web server")
                .contains("default S3 bucket infra-state-ACCOUNT-REGION").contains("needs AWS credentials");
        assertThat(Files.readString(dir.resolve("Dockerfile"))).contains("FROM busybox").contains("echo ok > /www/health");
        Matcher next = NEXT.matcher(init.out());
        assertThat(next.find()).as(init.out()).isTrue();
        assertThat(next.group(1)).isEqualTo("diff --stage dev --state file://.infra/state");

        Cli.Result diff = cli.run(next.group(1).split(" "));
        assertThat(diff.code()).as(diff.out() + diff.err()).isZero();
        assertThat(diff.out()).contains("+ web/service").containsPattern("Plan: \\d+ to create, 0 to update");
    }

    @Test
    void theFullTemplatesPlaceholderListensOnBothServicesPorts() throws Exception {
        Cli.Result init = new Cli(dir, Map.of()).run("init", "--template", "full");
        assertThat(init.code()).as(init.err()).isZero();
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        assertThat(dockerfile).contains("EXPOSE 3000 8080")
                .contains("CMD [\"sh\", \"-c\", \"httpd -p 3000 -h /www && exec httpd -f -p 8080 -h /www\"]");
    }

    @Test
    void anExistingDockerfileIsKept() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Cli.Result init = new Cli(dir, Map.of()).run("init", "--template", "web");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).doesNotContain("Wrote Dockerfile");
        assertThat(Files.readString(dir.resolve("Dockerfile"))).isEqualTo("FROM scratch\n");
        assertThat(Arrays.asList(init.out().split("\n"))).anyMatch(l -> l.startsWith("Next: infra diff --stage dev --state file://.infra/state"));
    }
}

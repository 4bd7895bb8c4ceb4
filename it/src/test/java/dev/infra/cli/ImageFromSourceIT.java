package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.providers.docker.LocalEngine;
import dev.infra.providers.docker.RegistryBackedEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The build-from-source path on a real Docker engine: AWS is a FakeAws whose ECR hands out repositories in the
 * local registry ({@link RegistryBackedEngine}), the engine builds {@code FROM scratch} images (nothing can be
 * pulled) and pushes them there. Skipped, saying why, when no engine or registry answers.
 */
class ImageFromSourceIT {
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
                image: { context: app, dockerfile: Dockerfile }
                port: 8080
            """;
    private static final Pattern IMAGE = Pattern.compile("\"imageUri\" : \"([^\"]+)\"");
    private final String name = "engine-" + UUID.randomUUID();
    @TempDir
    Path dir;
    private StageCli cli;
    private RegistryBackedEngine engine;

    @BeforeAll
    static void engineAndRegistry() {
        assumeThat(LocalEngine.missing()).as("a Docker engine and a local registry (.ci/run starts both)").isEmpty();
    }

    @BeforeEach
    void setUp() throws IOException {
        engine = RegistryBackedEngine.attach(name);
        Files.writeString(dir.resolve("infra.yaml"), APP);
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM scratch\nCOPY . /app/\n");
        Files.writeString(dir.resolve("app/server.js"), "console.log('v1 " + name + "')\n"); // new layers: the registry outlives a run
        Files.writeString(dir.resolve("app/.dockerignore"), "*.log\n");
        cli = new StageCli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), "dev");
    }

    @AfterEach
    void forget() {
        RegistryBackedEngine.detach(name);
        FakeAws.forget(name);
    }

    @Test
    void buildPushDeployThenOneEditAndOneDeployShipsIt() throws Exception {
        Cli.Result first = cli.ok("deploy", "--yes");
        String v1 = imageOf();
        assertThat(v1).startsWith(LocalEngine.REGISTRY + "/").contains(":src-");
        assertThat(tagsInRegistry(v1)).as("pushed to the registry").contains(tag(v1));
        assertThat(runningImage()).as("the task definition names the pushed tag").isEqualTo(v1);
        assertThat(first.err()).as("the build's steps and the push's layers as progress lines")
                .contains("waiting: docker build: Step 2/2 : COPY . /app/").containsPattern("waiting: docker push: layer \\w+ pushed");
        cli.assertClean();
        cli.assertClean("--refresh");

        Files.writeString(dir.resolve("app/server.js"), "console.log('v2 " + name + "')\n", StandardOpenOption.TRUNCATE_EXISTING);
        Cli.Result second = cli.ok("deploy", "--yes");
        String v2 = imageOf();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(second.out() + second.err()).as("one deploy: image, task definition and service").contains("web/taskDefinition").contains("web/service");
        assertThat(tagsInRegistry(v2)).contains(tag(v1), tag(v2));
        assertThat(runningImage()).as("ECS runs the new image after one deploy").isEqualTo(v2);
        assertThat(engine.builds()).hasSize(2);
        cli.assertClean("--refresh");
    }

    @Test
    void anUnchangedContextBuildsNothing() throws Exception {
        cli.ok("deploy", "--yes");
        Files.writeString(dir.resolve("app/debug.log"), "ignored by .dockerignore");
        Files.createDirectories(dir.resolve("app/.infra"));
        Files.writeString(dir.resolve("app/.infra/scratch"), "infra's own directory is never sent");
        cli.assertClean("--refresh");
        assertThat(cli.ok("deploy", "--yes").out()).contains("No changes");
        assertThat(engine.builds()).as("built once").hasSize(1);
    }

    @Test
    void aBadDockerfileStopsBeforeAnyServiceChangesAndShowsTheEnginesError() throws Exception {
        cli.ok("deploy", "--yes");
        String v1 = imageOf();
        String taskDefinition = taskDefinition();

        Files.writeString(dir.resolve("app/Dockerfile"), "FROMM scratch\n");
        Cli.Result parse = cli.run("deploy", "--yes");
        assertThat(parse.code()).as(parse.out() + parse.err()).isNotZero();
        assertThat(parse.out()).as("the engine's own words, on one line").containsPattern("failed: web/image \\(update\\): docker build of \\S+ failed: .*unknown instruction: FROMM");

        Files.writeString(dir.resolve("app/Dockerfile"), "FROM scratch\nCOPY missing.txt /app/\n");
        Cli.Result copy = cli.run("deploy", "--yes", "--verbose");
        assertThat(copy.code()).as(copy.out() + copy.err()).isNotZero();
        assertThat(copy.out()).as("the engine's error").containsPattern("failed: web/image \\(update\\): docker build of \\S+ failed: COPY failed: .*missing.txt")
                .as("--verbose: the engine's output lines before it").contains("  | Step 2/2 : COPY missing.txt /app/");
        assertThat(copy.err()).as("the step lines as they came").contains("waiting: docker build: Step 2/2 : COPY missing.txt /app/");
        for (Cli.Result r : new Cli.Result[]{parse, copy}) {
            assertThat(r.err()).as("no service step started").doesNotContain("web/service (aws.ecs.Service) started");
            assertThat(r.out()).as("the task definition is replaced create-first: its old revision is not deleted")
                    .doesNotContain("deleted").contains("nothing changed");
        }
        assertThat(FakeAws.named(name).service(FakeEcs.class).describeTaskDefinition(b -> b.taskDefinition(taskDefinition)).taskDefinition().statusAsString())
                .as("the revision the service runs is still active").isEqualTo("ACTIVE");
        assertThat(taskDefinition()).as("the service was not touched").isEqualTo(taskDefinition);
        assertThat(runningImage()).isEqualTo(v1);
        assertThat(engine.builds()).hasSize(3);
    }

    private String imageOf() {
        Matcher m = IMAGE.matcher(cli.ok("state", "show", "web/image").out());
        assertThat(m.find()).as("state show web/image names its URI").isTrue();
        return m.group(1);
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    private static String tagsInRegistry(String image) throws IOException {
        String repository = image.substring(image.indexOf('/') + 1, image.lastIndexOf(':'));
        try (InputStream in = URI.create("http://" + LocalEngine.REGISTRY + "/v2/" + repository + "/tags/list").toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Service service() {
        FakeEcs ecs = FakeAws.named(name).service(FakeEcs.class);
        String cluster = ecs.listClusters(b -> { }).clusterArns().get(0);
        return ecs.describeServices(b -> b.cluster(cluster).services("shop-dev-web")).services().get(0);
    }

    private String taskDefinition() {
        return service().taskDefinition();
    }

    /** The image of the task definition the service runs, as ECS tells it. */
    private String runningImage() {
        FakeEcs ecs = FakeAws.named(name).service(FakeEcs.class);
        return ecs.describeTaskDefinition(b -> b.taskDefinition(taskDefinition())).taskDefinition().containerDefinitions().get(0).image();
    }
}

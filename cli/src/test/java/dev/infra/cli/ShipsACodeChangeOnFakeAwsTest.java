package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeCodeDeploy;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.providers.docker.FakeDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra's main job: edit the app's code, run one deploy, and the services run the new code. The full example on
 * FakeAws: a source file of each service changes; one diff shows the new images (their exact tags), the task
 * definitions they force, and the services' rollouts; one deploy builds both, rolls erp out in place and api
 * through CodeDeploy; the services then run the new images and a refreshed diff is clean.
 */
class ShipsACodeChangeOnFakeAwsTest {
    private static final Pattern IMAGE = Pattern.compile("\"imageUri\" : \"([^\"]+)\"");
    @TempDir
    Path dir;
    private FullExample example;
    private FakeAws fake;

    @BeforeEach
    void setUp() throws Exception {
        example = new FullExample(dir);
        fake = example.fake;
    }

    @AfterEach
    void forget() {
        example.close();
    }

    @Test
    void oneDeployAfterAnEditShipsTheNewCodeToBothServices() throws Exception {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        String erpBefore = imageOf("erp");
        String apiBefore = imageOf("api");

        for (String app : new String[]{"erp", "api"})
            Files.writeString(dir.resolve("example/apps/" + app + "/server.js"), "\n// a change\n", StandardOpenOption.APPEND);
        Cli.Result diff = example.run("dev", "diff", "--detailed-exitcode");
        assertThat(diff.code()).as(diff.out() + diff.err()).isEqualTo(4);
        assertThat(diff.out()).contains("~ erp/image").contains("-/+ erp/taskDefinition").contains("~ erp/service")
                .contains("~ api/image").contains("-/+ api/taskDefinition")
                .contains("~ api/service  aws.ecs.Service  (blue/green: a CodeDeploy deployment shifts traffic to the new tasks)")
                .contains("containerDefinitions[erp].image: \"" + erpBefore + "\" -> \"" + erpBefore.substring(0, erpBefore.lastIndexOf(':') + 1) + "src-")
                .contains("Plan: 0 to create, 4 to update, 2 to replace, 0 to delete");

        example.ok(example.run("dev", "deploy", "--yes"));
        assertThat(FakeDocker.of(fake).builds()).as("each changed source built once").hasSize(4);
        String erpAfter = imageOf("erp");
        String apiAfter = imageOf("api");
        assertThat(erpAfter).isNotEqualTo(erpBefore).contains(":src-");
        assertThat(apiAfter).isNotEqualTo(apiBefore).contains(":src-");
        assertThat(diff.out()).as("the plan named the exact images the deploy built").contains(erpAfter).contains(apiAfter);
        assertThat(runningImage("carbon-dev-erp")).as("erp runs the new code after a rolling update").isEqualTo(erpAfter);
        assertThat(runningImage("carbon-dev-api")).as("api runs the new code after a CodeDeploy deployment").isEqualTo(apiAfter);
        assertThat(fake.service(FakeCodeDeploy.class).deployments()).as("one deployment, for the new revision, in its termination wait")
                .singleElement().asString().contains("carbon-dev-api:2").doesNotContain("Failed").doesNotContain("Stopped");
        example.clean("dev");
    }

    private String imageOf(String service) {
        Matcher m = IMAGE.matcher(example.ok(example.run("dev", "state", "show", service + "/image")).out());
        assertThat(m.find()).as("state show " + service + "/image names its URI").isTrue();
        return m.group(1);
    }

    /** The image of the task definition the service runs, as ECS tells it. */
    private String runningImage(String serviceName) {
        FakeEcs ecs = fake.service(FakeEcs.class);
        String cluster = ecs.listClusters(b -> { }).clusterArns().get(0);
        Service s = ecs.describeServices(b -> b.cluster(cluster).services(serviceName)).services().get(0);
        return ecs.describeTaskDefinition(b -> b.taskDefinition(s.taskDefinition())).taskDefinition().containerDefinitions().get(0).image();
    }
}

package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeCloudWatch;
import dev.infra.fixtures.aws.FakeCodeDeploy;
import dev.infra.providers.docker.FakeDocker;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.fixtures.aws.FakeRds;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;

import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's full example (the repo's infra.yaml: VPC with NAT instance and bastion, cluster, Aurora, two services
 * with secrets, a link, scaling and path rules, WAF) through the CLI against FakeAws: secrets load, deploy, clean
 * diffs, a change of database scaling and rate limit that the diff shows exactly, deploy, remove; and a protected
 * stage, with an RDS Proxy, whose remove keeps its database (and a second remove too). Images are built from
 * the example's sources by FakeDocker (no Docker engine here) and pushed to FakeEcr. api deploys blue/green through CodeDeploy, successfully and with a rollback.
 */
class FullExampleOnFakeAwsTest extends OnFullExample {
    private static final Pattern IMAGE = Pattern.compile("\"imageUri\" : \"([^\"]+)\"");

    @Test
    void secretsDeployCleanDiffChangeScalingAndRateLimitRemove() throws Exception {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        assertThat(FakeDocker.of(fake).builds()).as("both images built from source and pushed to ECR").hasSize(2);
        Cli.Result outputs = example.run("dev", "outputs", "--json");
        assertThat(outputs.out()).contains("carbon-dev-db.cluster-c9akciq32.rds.us-east-1.amazonaws.com").contains("\"db.port\" : 5432").contains("\"db.secretArn\" : \"arn:aws:secretsmanager:");
        String erpTask = example.run("dev", "state", "show", "erp/taskDefinition").out();
        assertThat(erpTask).contains("DATABASE_HOST").contains("DATABASE_PASSWORD").contains(":password::")
                .contains("parameter/carbon/dev/SESSION_SECRET").doesNotContain("s-1").doesNotContain("sk_test_1");
        assertThat(fake.iamPolicy("carbon-dev-erp-exec")).contains("parameter/carbon/dev/STRIPE_SECRET_KEY")
                .contains("secretsmanager:GetSecretValue").doesNotContain("parameter/carbon/dev/*");
        assertThat(fake.tagged(Map.of("infra:resource", "firewall/webAcl"))).hasSize(1);
        fake.calls().clear();
        example.clean("dev");
        System.out.println("refreshed no-op diff of the full example, AWS calls: " + new java.util.TreeMap<>(fake.calls().counts()));
        assertThat(fake.calls().all()).as("a diff only reads").allMatch(op -> op.matches("\\w+(-\\w+)*:(Describe|List|Get)\\w*"));

        example.write(500, "max: 8, pauseAfter");
        Cli.Result diff = example.run("dev", "diff", "--detailed-exitcode");
        assertThat(diff.code()).as(diff.out() + diff.err()).isEqualTo(4);
        assertThat(diff.out()).contains("~ db/cluster").contains("serverlessV2ScalingConfiguration.maxCapacity: 4.0 -> 8.0").contains("~ firewall/webAcl")
                .contains("rules[rate-limit].rateBasedStatement.limit: 200 -> 500")
                .contains("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete");
        example.ok(example.run("dev", "deploy", "--yes"));
        assertThat(fake.service(FakeRds.class).cluster("carbon-dev-db").serverlessV2ScalingConfiguration().maxCapacity()).isEqualTo(8.0);
        assertThat(FakeDocker.of(fake).builds()).as("unchanged sources: no rebuild").hasSize(2);
        example.clean("dev");

        Cli.Result removed = example.run("dev", "remove", "--yes", "--final-snapshot");
        example.ok(removed);
        assertThat(removed.out()).contains("db/cluster  aws.rds.Cluster  (the stage is removed; a final snapshot is taken first)");
        assertThat(fake.service(FakeRds.class).snapshots()).singleElement().asString().startsWith("carbon-dev-db-final-");
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev"))).as("only the secrets stay: infra secrets owns them")
                .allMatch(arn -> arn.startsWith("arn:aws:ssm:")).hasSize(2);
    }

    @Test
    void statusShowsEveryServiceSteadyAndHealthyAfterTheDeploy() throws Exception {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        fake.calls().clear();
        Cli.Result status = example.run("dev", "status");
        example.ok(status);
        assertThat(status.out()).contains("service erp (carbon-dev-erp): steady and healthy").contains("service api (carbon-dev-api): steady and healthy")
                .contains("rollout: blue-green NONE, no deployment in progress").contains("database db (carbon-dev-db): available")
                .contains("writer: carbon-dev-db-writer").contains("paused: no").contains("erp.url = http://")
                .contains("All steady and healthy.").doesNotContain("!");
        assertThat(fake.calls().counts()).as("one batched read per AWS type").containsEntry("ecs:DescribeServices", 1)
                .containsEntry("rds:DescribeDBClusters", 1).containsEntry("rds:DescribeDBInstances", 1)
                .containsEntry("codedeploy:ListDeployments", 1).doesNotContainKey("ecs:ListTasks")
                .hasEntrySatisfying("cloudwatch:GetMetricData", n -> assertThat(n).as("one paged read: a 10-minute series, 2 results a page").isBetween(1, 2));
        Cli.Result json = example.run("dev", "status", "--json");
        example.ok(json);
        assertThat(json.out()).contains("\"healthy\" : true").doesNotContain("\"healthy\" : false");

        fake.service(FakeCloudWatch.class).pause("carbon-dev-db-writer");
        assertThat(example.ok(example.run("dev", "status")).out()).as("CloudWatch has not seen it yet").contains("paused: no");
        fake.clock().advance(Duration.ofMinutes(3));
        Cli.Result paused = example.run("dev", "status");
        assertThat(paused.code()).as("a paused database is not a problem: it resumes on the next connection").isZero();
        assertThat(paused.out()).contains("paused: yes");
    }

    @Test
    void aBlueGreenServiceShipsANewImageThroughCodeDeployAndReportsARollback() throws Exception {
        example.write(200, "max: 4, pauseAfter", false, "example/api:1");
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        assertThat(fake.tagged(Map.of("infra:resource", "api/deploymentGroup"))).hasSize(1);
        example.clean("dev");

        example.write(200, "max: 4, pauseAfter", false, "example/api:2");
        assertThat(example.run("dev", "diff").out()).contains("~ api/service  aws.ecs.Service  (blue/green: a CodeDeploy deployment shifts traffic to the new tasks)");
        Cli.Result shipped = example.run("dev", "deploy", "--yes");
        example.ok(shipped);
        FakeCodeDeploy codedeploy = fake.service(FakeCodeDeploy.class);
        assertThat(codedeploy.deployments()).singleElement().asString().contains("carbon-dev-api:2");
        assertThat(example.run("dev", "state", "show", "api/taskDefinition").out()).contains("example/api:2");
        example.clean("dev");

        fake.service(FakeEcs.class).failRollouts("example/api:3", "CannotPullContainerError: pull access denied for example/api");
        example.write(200, "max: 4, pauseAfter", false, "example/api:3");
        Cli.Result failed = example.run("dev", "deploy", "--yes", "--json");
        assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("blue/green deployment d-").contains("failed")
                .contains("CannotPullContainerError").contains("rolled back");
        StepEvents events = new StepEvents(failed.out());
        assertThat(events.end("update api/service")).as("the failure is an event").isEqualTo(events.index("failed", "update api/service"))
                .isGreaterThan(events.index("started", "update api/service"));
        assertThat(events.events.get(events.index("failed", "update api/service"))).extractingByKey("message").asString()
                .contains("CannotPullContainerError");
        assertThat(events.last()).containsEntry("event", "summary").containsEntry("success", false)
                .extractingByKey("failures").asString().contains("api/service");
        assertThat(codedeploy.deployments()).as("the first one's termination wait was cut short so the next could start").hasSize(2)
                .first().asString().contains(" Succeeded ");
        assertThat(codedeploy.deployments()).last().asString().contains(" Failed ");
        Cli.Result diff = example.run("dev", "diff", "--detailed-exitcode", "--refresh");
        assertThat(diff.code()).as("the service still runs :2, so the change is still pending: " + diff.out() + diff.err()).isEqualTo(4);
        assertThat(diff.out()).contains("~ api/service");
        Cli.Result status = example.run("dev", "status", "api");
        example.ok(status);
        assertThat(status.out()).as("rolled back: steady and healthy on the revision it ran before")
                .contains("service api (carbon-dev-api): steady and healthy").contains("revision: carbon-dev-api:2");
        example.ok(example.run("dev", "remove", "--yes"));
    }

    @Test
    void aProtectedStageWithAProxyKeepsItsDatabaseAndWhatItStandsOn() throws Exception {
        example.write(200, "max: 4, pauseAfter", true);
        example.ok(example.run("staging", "secrets", "load", ".env"));
        example.ok(example.run("staging", "deploy", "--yes"));
        assertThat(example.run("staging", "outputs", "--json").out()).as("the host services get is the proxy's")
                .contains("carbon-staging-db-proxy.proxy-c9akciq32.us-east-1.rds.amazonaws.com");
        assertThat(fake.service(FakeRds.class).proxyTarget("carbon-staging-db-proxy")).isEqualTo("carbon-staging-db");
        example.clean("staging");
        Cli.Result refused = example.run("staging", "remove", "--yes");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--confirm staging");

        Cli.Result removed = example.run("staging", "remove", "--yes", "--confirm", "staging");
        example.ok(removed);
        assertThat(removed.out() + removed.err()).contains("retained in AWS: db/cluster").contains("retained in AWS: db/writer")
                .contains("retained in AWS: erp/logGroup");
        assertThat(fake.service(FakeRds.class).cluster("carbon-staging-db")).isNotNull();
        assertThat(fake.service(FakeRds.class).cluster("carbon-staging-db").deletionProtection()).isTrue();
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "db/proxy"))).isEmpty();
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "erp/service"))).isEmpty();
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "erp/loadBalancer"))).isEmpty();

        Cli.Result again = example.run("staging", "remove", "--yes", "--confirm", "staging");
        example.ok(again);
        assertThat(again.out() + again.err()).as("a second remove leaves the kept database's network alone")
                .doesNotContain("swept:").doesNotContain("sweep failed");
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "vpc/privateSubnet1"))).hasSize(1);
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "db/subnetGroup"))).hasSize(1);
        assertThat(example.run("staging", "state", "list").out()).as("what was kept stays recorded").contains("db/cluster").contains("vpc/vpc")
                .doesNotContain("erp/service");

        Cli.Result back = example.run("staging", "deploy", "--yes");
        example.ok(back);
        assertThat(back.out()).as("a redeploy builds on what was kept").doesNotContain("+ db/cluster").doesNotContain("+ vpc/vpc")
                .contains("+ erp/service");
        assertThat(fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "staging", "infra:resource", "vpc/vpc"))).hasSize(1);
        example.clean("staging");
    }

    /**
     * infra's main job: edit the app's code, run one deploy, and the services run the new code. One diff shows the
     * new images (their exact tags), the task definitions they force and the rollouts; one deploy builds both, rolls
     * erp out in place and api through CodeDeploy; both then run the new images and a refreshed diff is clean.
     */
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
        assertThat(diff.out()).contains("~ erp/image").contains("+/- erp/taskDefinition").contains("~ erp/service")
                .contains("~ api/image").contains("+/- api/taskDefinition")
                .contains("~ api/service  aws.ecs.Service  (blue/green: a CodeDeploy deployment shifts traffic to the new tasks)")
                .contains("containerDefinitions[erp].image: \"" + erpBefore + "\" -> \"" + erpBefore.substring(0, erpBefore.lastIndexOf(':') + 1) + "src-")
                .contains("Plan: 0 to create, 4 to update, 2 to replace, 0 to delete");

        fake.calls().clear();
        example.ok(example.run("dev", "deploy", "--yes"));
        List<String> calls = fake.calls().all();
        assertThat(calls.indexOf("ecs:DeregisterTaskDefinition")).as("the old revisions go only after both services moved: " + calls)
                .isGreaterThan(calls.lastIndexOf("ecs:RegisterTaskDefinition")).isGreaterThan(calls.lastIndexOf("ecs:UpdateService"))
                .isGreaterThan(calls.indexOf("codedeploy:CreateDeployment"));
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

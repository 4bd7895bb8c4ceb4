package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real providers, through the CLI, against FakeAws ({@code AWS_ENDPOINT_URL=fakeaws://NAME}): the issue's
 * scenario, the API economy of a refreshed no-op diff, and a deploy with 30% of calls throttled. FakeAws pages by
 * 100 here, as AWS's own page sizes (100 to 1000) would for an app this size; the provider tests cover small pages.
 */
class FakeAwsEndToEndTest {
    private static final Map<String, String> OURS = Map.of("infra:app", "shop", "infra:stage", AwsScenario.STAGE);
    @TempDir
    Path dir;
    private String name;
    private FakeAws fake;
    private AwsScenario scenario;

    @BeforeEach
    void setUp() throws Exception {
        name = "e2e-" + UUID.randomUUID();
        fake = FakeAws.named(name).pageSize(100);
        scenario = new AwsScenario(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), AwsScenario.Images.FAKE);
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    @Test
    void deployDiffRefreshChangeDeployRemove() throws Exception {
        scenario.deploy();
        assertThat(fake.tagged(OURS)).hasSizeGreaterThan(30);
        scenario.assertClean();
        fake.calls().clear();
        scenario.assertClean("--refresh");
        Map<String, Integer> reads = readCalls();
        System.out.println("refreshed no-op diff of " + scenario.recordedTypes() + " resource types, AWS calls: " + reads
                + " (" + fake.calls().all().size() + " in all)");
        assertThat(fake.calls().all()).as("a diff only reads").allMatch(FakeAwsEndToEndTest::isRead);
        int types = scenario.recordedTypes();
        int families = (int) fake.tagged(OURS).stream().filter(id -> id.contains(":task-definition/")).count();
        int targetGroups = (int) fake.tagged(OURS).stream().filter(id -> id.contains(":targetgroup/")).count();
        // AWS has no batch read of a VPC's attributes: DescribeVpcAttribute answers one attribute of one VPC, and a
        // read reports two (DNS support and hostnames)
        int vpcAttributes = 2 * (int) fake.tagged(OURS).stream().filter(id -> id.startsWith("vpc-")).count();
        assertThat(reads.values().stream().mapToInt(Integer::intValue).sum())
                .as("at most one read per resource type, one per task definition family, one per target group's attributes,"
                        + " one per VPC attribute")
                .isLessThanOrEqualTo(types + families + targetGroups + vpcAttributes - 1);
        reads.forEach((op, n) -> assertThat(n).as(op + ": one call, or one per type reading through it, or one per task definition family,"
                        + " target group or VPC attribute (none has a batch read)")
                .isEqualTo(op.equals("ec2:DescribeRouteTables") ? 3 : op.equals("ecs:ListTaskDefinitions") ? families
                        : op.equals("elbv2:DescribeTargetGroupAttributes") ? targetGroups
                        : op.equals("ec2:DescribeVpcAttribute") ? vpcAttributes : 1));

        scenario.changeImageAndCpu();
        scenario.deploy();
        scenario.assertClean("--refresh");
        scenario.remove();
        assertThat(fake.tagged(OURS)).as("nothing tagged with the stage is left").isEmpty();
    }

    @Test
    void aDeployWithThirtyPercentOfCallsThrottledSucceeds() throws Exception {
        fake.faults().throttle(0.3);
        scenario.deploy();
        assertThat(fake.faults().throttledCalls()).isGreaterThan(20);
        System.out.println("throttled deploy: " + fake.faults().throttledCalls() + " of " + fake.calls().all().size() + " calls throttled");
        scenario.assertClean("--refresh");
        scenario.remove();
        assertThat(fake.tagged(OURS)).isEmpty();
    }

    private static boolean isRead(String op) {
        String action = op.substring(op.indexOf(':') + 1);
        return action.startsWith("Describe") || action.startsWith("List") || action.startsWith("Get");
    }

    private Map<String, Integer> readCalls() {
        return new TreeMap<>(fake.calls().counts());
    }
}

package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.plan.Action;
import dev.infra.core.plan.Change;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.state.Deposed;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replacements in the order their type allows: create-first where the old and new can coexist (a task definition
 * revision, a security group rule), so the old one serves until its readers have moved; delete-first where a unique
 * name forces it (a target group, a service), and for anything that reads a delete-first replacement.
 */
class ReplacementOrderTest {
    static final String YAML = "app: shop\nregion: us-east-1\nresources:\n  vpc:\n    type: vpc\n    azs: 2\n    nat: none\n"
            + "  cluster:\n    type: cluster\n    vpc: vpc\n"
            + "  web:\n    type: service\n    cluster: cluster\n    image: nginx:1\n    cpu: %d\n    memory: 1024\n    port: %d\n"
            + "    loadBalancer:\n      listen: [80/http]\n";
    final Harness h = new Harness();

    static DesiredApp app(Harness h, int cpu, int port) {
        return h.yaml(YAML.formatted(cpu, port));
    }

    @Test
    void aNewTaskDefinitionRevisionIsCreatedAndUsedBeforeTheOldOneIsDeleted() {
        h.apply(app(h, 256, 80), PlanOptions.ALL);
        String old = physicalId("web/taskDefinition");
        Plan plan = h.plan(app(h, 512, 80), PlanOptions.ALL);
        assertThat(change(plan, "web/taskDefinition").createFirst()).isTrue();
        int from = h.cloud.calls().size();
        ApplyResult r = h.apply(app(h, 512, 80), PlanOptions.ALL);
        assertThat(r.failures()).isEmpty();
        List<String> calls = h.cloud.calls().subList(from, h.cloud.calls().size());
        int created = calls.indexOf("create aws.ecs.TaskDefinition web/taskDefinition");
        int moved = calls.indexOf("update aws.ecs.Service web/service");
        int deleted = calls.indexOf("delete aws.ecs.TaskDefinition web/taskDefinition");
        assertThat(created).as("created first").isNotNegative().isLessThan(moved);
        assertThat(moved).as("the service moved before the old revision went").isLessThan(deleted);
        assertThat(h.cloud.resources()).doesNotContainKey(old);
        assertThat(r.done()).containsEntry(Action.REPLACE, 1).containsEntry(Action.UPDATE, 1);
        assertThat(r.state().resources().keySet()).noneMatch(Deposed::is);
    }

    @Test
    void aTargetGroupIsDeletedFirstAndTheServiceThatNamesItToo() {
        h.apply(app(h, 256, 80), PlanOptions.ALL);
        Plan plan = h.plan(app(h, 256, 8080), PlanOptions.ALL);
        assertThat(change(plan, "web/targetGroup").createFirst()).as("its name is unique").isFalse();
        assertThat(change(plan, "web/service").createFirst()).isFalse();
        assertThat(change(plan, "web/taskDefinition").createFirst()).isTrue();
        assertThat(change(plan, "web/ingressFromLoadBalancer").createFirst()).isTrue();
        int from = h.cloud.calls().size();
        ApplyResult r = h.apply(app(h, 256, 8080), PlanOptions.ALL);
        assertThat(r.failures()).isEmpty();
        List<String> calls = h.cloud.calls().subList(from, h.cloud.calls().size());
        assertThat(calls.indexOf("delete aws.elbv2.TargetGroup web/targetGroup"))
                .isLessThan(calls.indexOf("create aws.elbv2.TargetGroup web/targetGroup"));
        assertThat(calls.indexOf("create aws.ec2.SecurityGroupIngress web/ingressFromLoadBalancer"))
                .isLessThan(calls.indexOf("delete aws.ec2.SecurityGroupIngress web/ingressFromLoadBalancer"));
        assertThat(h.plan(app(h, 256, 8080), PlanOptions.ALL).hasChanges()).isFalse();
    }

    /** A listener (create-first by type) on a load balancer replaced delete-first cannot exist before its new LB. */
    @Test
    void whatReadsADeleteFirstReplacementIsReplacedDeleteFirst() {
        String yaml = YAML.formatted(256, 80);
        h.apply(h.yaml(yaml), PlanOptions.ALL);
        Plan plan = h.plan(h.yaml(yaml.replace("nat: none", "nat: none\n    cidr: 10.1.0.0/16")), PlanOptions.ALL);
        assertThat(change(plan, "vpc/vpc").createFirst()).isTrue();
        assertThat(change(plan, "vpc/publicSubnet1").createFirst()).as("a subnet's CIDR block is unique").isFalse();
        assertThat(change(plan, "web/loadBalancer").createFirst()).isFalse();
        assertThat(change(plan, "web/listener80").createFirst()).as("reads the load balancer").isFalse();
        assertThat(change(plan, "vpc/publicRoute").createFirst()).as("reads create-first ones only").isTrue();
        ApplyResult r = h.apply(h.yaml(yaml.replace("nat: none", "nat: none\n    cidr: 10.1.0.0/16")), PlanOptions.ALL);
        assertThat(r.failures()).isEmpty();
        assertThat(CrashTest.shape(h, h.yaml(yaml))).hasSize(r.state().resources().size());
    }

    /** The new revision fails: the old one still serves, the summary says nothing changed, the next run finishes. */
    @Test
    void aFailedCreateLeavesTheOldOneServingAndTheNextRunFinishes() {
        h.apply(app(h, 256, 80), PlanOptions.ALL);
        String old = physicalId("web/taskDefinition");
        h.cloud.failAt("create", "aws.ecs.TaskDefinition", 2);
        ApplyResult r = h.apply(app(h, 512, 80), PlanOptions.ALL);
        assertThat(r.success()).isFalse();
        assertThat(r.done()).as("nothing changed").isEmpty();
        assertThat(h.cloud.resources()).containsKey(old);
        assertThat(r.state().resources().get("web/service").inputs()).containsEntry("taskDefinition", "arn:aws:fake:us-east-1:123456789012:" + old);
        ResourceState kept = r.state().resources().values().stream().filter(x -> Deposed.is(x.address())).findFirst().orElseThrow();
        assertThat(kept.physicalId()).isEqualTo(old);
        assertThat(kept.status()).isEqualTo(ResourceStatus.READY);

        Plan next = h.plan(app(h, 512, 80), PlanOptions.ALL);
        assertThat(change(next, kept.address()).action()).isEqualTo(Action.DELETE);
        assertThat(change(next, kept.address()).reason()).isEqualTo("the old resource of an unfinished replacement");
        ApplyResult rerun = h.apply(app(h, 512, 80), PlanOptions.ALL);
        assertThat(rerun.failures()).isEmpty();
        assertThat(h.cloud.resources()).doesNotContainKey(old);
        assertThat(CrashTest.shape(h, app(h, 512, 80))).containsEntry("web/taskDefinition", "aws.ecs.TaskDefinition");
        assertThat(h.plan(app(h, 512, 80), PlanOptions.ALL).hasChanges()).isFalse();
    }

    private String physicalId(String address) {
        return h.session(app(h, 256, 80)).state().resources().get(address).physicalId();
    }

    static Change change(Plan plan, String address) {
        return plan.changes().stream().filter(c -> c.address().equals(address)).findFirst().orElseThrow();
    }

}

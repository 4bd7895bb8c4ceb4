package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.plan.Action;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanOptions;
import dev.infra.core.plan.Planner;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.StageContext;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.StateConflictException;
import dev.infra.core.state.StateSession;
import dev.infra.fixtures.FakeProviderPlugin;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.component.Tags;
import dev.infra.fixtures.FakeResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutorTest {
    final Harness h = new Harness();

    @Test
    void deployCreatesEverythingAndASecondPlanIsEmpty() {
        DesiredApp app = h.example();
        ApplyResult r = h.apply(app, PlanOptions.ALL);
        assertThat(r.success()).isTrue();
        assertThat(r.state().resources()).hasSize(app.resources().size());
        assertThat(r.state().resources().values()).allMatch(x -> x.status() == ResourceStatus.READY);
        assertThat(h.cloud.resources()).hasSize(app.resources().size());
        assertThat(h.plan(app, PlanOptions.ALL).hasChanges()).isFalse();
    }

    @Test
    void aTypeWithoutProviderStopsTheApplyBeforeAnyChangeWithExit6() {
        DesiredApp app = h.example();
        StageContext stage = new StageContext(app.config().app(), app.config().stage(), app.config().region(), false);
        List<dev.infra.core.provider.ResourceProvider> some = FakeProviderPlugin.forCloud(h.cloud).stream()
                .filter(p -> !p.type().equals("aws.rds.Cluster") && !p.type().equals("aws.wafv2.WebAcl")).toList();
        Executor partial = new Executor(new ProviderRegistry(some), stage, 4, ProgressListener.NONE, dev.infra.core.provider.WallClock.SYSTEM);
        Plan plan = h.plan(app, PlanOptions.ALL);
        assertThatThrownBy(() -> partial.apply(plan, h.session(app)))
                .isInstanceOfSatisfying(InfraException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NO_PROVIDER))
                .hasMessage("no provider is registered for resource types aws.rds.Cluster, aws.wafv2.WebAcl; nothing was changed");
        assertThat(h.cloud.calls()).isEmpty();
    }

    @Test
    void aProviderThatCannotWorkHereStopsTheApplyBeforeAnyChange() {
        DesiredApp app = h.example();
        StageContext stage = new StageContext(app.config().app(), app.config().stage(), app.config().region(), false);
        List<dev.infra.core.provider.ResourceProvider> providers = FakeProviderPlugin.forCloud(h.cloud).stream()
                .map(p -> p.type().equals("aws.ecs.Cluster") ? Unavailable.wrap(p, "no engine here") : p).toList();
        Executor executor = new Executor(new ProviderRegistry(providers), stage, 4, ProgressListener.NONE, dev.infra.core.provider.WallClock.SYSTEM);
        Plan plan = h.plan(app, PlanOptions.ALL);
        assertThatThrownBy(() -> executor.apply(plan, h.session(app)))
                .isInstanceOfSatisfying(InfraException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NO_PROVIDER))
                .hasMessage("aws.ecs.Cluster: no engine here; nothing was changed");
        assertThat(h.cloud.calls()).isEmpty();
    }

    /** A resource an earlier run left behind, tagged as the app's, with one input changed. */
    private void leftOver(DesiredApp app, String address, String key, Object value) {
        DesiredResource d = app.resources().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
        Map<String, Object> inputs = new java.util.HashMap<>(d.inputs());
        inputs.put(key, value);
        h.cloud.replace(new FakeResource("left-" + address, d.type(), inputs,
                Tags.standard(app.config().app(), app.config().stage(), address), "old-token", Map.of("arn", "arn:left", "name", inputs.get("name"))));
    }

    @Test
    void anAdoptedLeftoverIsUpdatedToThePlanWhenItCanChangeInPlace() {
        DesiredApp app = h.example();
        leftOver(app, "cluster/cluster", "containerInsights", "enabled-by-hand");
        ApplyResult r = h.apply(app, PlanOptions.ALL);
        assertThat(r.success()).as(r.failures().toString()).isTrue();
        assertThat(r.state().resources().get("cluster/cluster").physicalId()).isEqualTo("left-cluster/cluster");
        assertThat(h.cloud.resources().get("left-cluster/cluster").inputs().get("containerInsights")).isNotEqualTo("enabled-by-hand");
        assertThat(h.cloud.calls()).contains("update aws.ecs.Cluster cluster/cluster");
    }

    @Test
    void anAdoptedLeftoverThatWouldNeedReplacingIsRecordedAsItIsAndTheStepFails() {
        DesiredApp app = h.example();
        DesiredResource sg = app.resources().stream().filter(x -> x.type().equals("aws.ec2.SecurityGroup")).findFirst().orElseThrow();
        String forced = ResourceTypes.find(sg.type()).orElseThrow().forceNew().stream().filter(k -> !k.equals("name"))
                .filter(k -> sg.inputs().get(k) instanceof String).sorted().findFirst().orElseThrow();
        leftOver(app, sg.address(), forced, "left by an earlier run");
        ApplyResult r = h.apply(app, PlanOptions.ALL);
        assertThat(r.success()).isFalse();
        assertThat(r.failures().toString()).contains(sg.address() + " already existed (left by an earlier run) with a different " + forced);
        assertThat(r.state().resources().get(sg.address()).inputs().get(forced)).as("recorded as it is").isEqualTo("left by an earlier run");
        assertThat(h.plan(app, PlanOptions.ALL).changes().stream().filter(c -> c.address().equals(sg.address())).findFirst().orElseThrow().action())
                .as("the next plan replaces it").isEqualTo(Action.REPLACE);
    }

    @Test
    void stepsStartOnlyAfterTheirDependencies() {
        DesiredApp app = h.example();
        h.apply(app, PlanOptions.ALL);
        List<String> creates = h.cloud.calls().stream().filter(c -> c.startsWith("create ")).map(c -> c.split(" ")[2]).toList();
        for (String a : creates)
            for (String dep : app.graph().dependenciesOf(a))
                assertThat(creates.indexOf(dep)).as("%s created before %s", dep, a).isLessThan(creates.indexOf(a));
    }

    @Test
    void failureLetsInFlightFinishStartsNothingNewAndRecordsState() {
        DesiredApp app = h.example();
        h.cloud.failAt("create", "aws.ec2.Subnet", 1);
        ApplyResult r = h.apply(app, PlanOptions.ALL);
        assertThat(r.success()).isFalse();
        assertThat(r.failures()).hasSize(1);
        assertThat(r.failures().get(0).message()).contains("injected failure");
        assertThat(r.untouched()).contains("erp/service", "api/service");
        assertThat(h.session(app).state().resources().values().stream().filter(x -> x.status() == ResourceStatus.READY).count())
                .isEqualTo(h.cloud.resources().size());
        ApplyResult again = h.apply(app, PlanOptions.ALL);
        assertThat(again.success()).isTrue();
        assertThat(h.cloud.resources()).hasSize(app.resources().size());
    }

    @Test
    void removeDeletesInReverseOrderAndLeavesNothing() {
        DesiredApp app = h.example();
        h.apply(app, PlanOptions.ALL);
        ApplyResult r = h.apply(app, new PlanOptions(Set.of(), true, false));
        assertThat(r.success()).isTrue();
        assertThat(r.state().resources()).isEmpty();
        assertThat(h.cloud.resources()).isEmpty();
        List<String> deletes = h.cloud.calls().stream().filter(c -> c.startsWith("delete ")).map(c -> c.split(" ")[2]).toList();
        assertThat(deletes.indexOf("vpc/vpc")).isGreaterThan(deletes.indexOf("vpc/publicSubnet1"));
    }

    @Test
    void replacementDeletesTheOldBeforeCreatingTheNew() {
        String yaml = "app: net\nregion: us-east-1\nresources:\n  vpc:\n    type: vpc\n    cidr: %s\n";
        h.apply(h.yaml(yaml.formatted("10.0.0.0/16")), PlanOptions.ALL);
        String oldVpc = h.session(h.yaml(yaml.formatted("10.0.0.0/16"))).state().resources().get("vpc/vpc").physicalId();
        ApplyResult r = h.apply(h.yaml(yaml.formatted("10.1.0.0/16")), PlanOptions.ALL);
        assertThat(r.failures()).isEmpty();
        assertThat(r.done()).containsEntry(Action.REPLACE, 14);
        assertThat(h.cloud.resources()).doesNotContainKey(oldVpc).hasSize(r.state().resources().size());
        assertThat(r.state().resources().get("vpc/vpc").inputs()).containsEntry("cidrBlock", "10.1.0.0/16");
    }

    /** The old VPC is deleted, the new one fails to be created: the result counts what was deleted, not "nothing". */
    @Test
    void aReplacementThatDeletedTheOldButFailedToCreateTheNewCountsAsADelete() {
        String yaml = "app: net\nregion: us-east-1\nresources:\n  vpc:\n    type: vpc\n    cidr: %s\n";
        h.apply(h.yaml(yaml.formatted("10.0.0.0/16")), PlanOptions.ALL);
        int before = h.cloud.resources().size();
        h.cloud.failAt("create", "aws.ec2.Vpc", 2);
        ApplyResult r = h.apply(h.yaml(yaml.formatted("10.1.0.0/16")), PlanOptions.ALL);
        assertThat(r.success()).isFalse();
        int deleted = before - h.cloud.resources().size();
        assertThat(deleted).as("the VPC and what stood on it were deleted").isPositive();
        assertThat(r.done()).as("nothing was replaced; every deleted one is counted").doesNotContainKey(Action.REPLACE)
                .containsEntry(Action.DELETE, deleted);
    }

    /** Once the lock's lease is lost, no further step starts, what ran is recorded, and the apply fails saying why. */
    @Test
    void aLostLeaseStartsNoFurtherStep() {
        DesiredApp app = h.example();
        StateSession session = h.session(app);
        Plan plan = Planner.plan(app, session.state(), PlanOptions.ALL);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        Halt afterThree = () -> asked.incrementAndGet() > 3 ? java.util.Optional.of("the lock's lease was lost") : java.util.Optional.empty();
        StageContext stage = new StageContext(app.config().app(), app.config().stage(), app.config().region(), false);
        Executor one = new Executor(new ProviderRegistry(FakeProviderPlugin.forCloud(h.cloud)), stage, 1, ProgressListener.NONE,
                dev.infra.core.provider.WallClock.SYSTEM);
        assertThatThrownBy(() -> one.apply(plan, session, afterThree)).isInstanceOf(InfraException.class)
                .hasMessageStartingWith("stopped: the lock's lease was lost; " + (plan.changes().size() - 3) + " steps not started")
                .hasMessageContaining("rerun to resume");
        assertThat(h.cloud.resources()).as("three steps ran, one at a time, then none").hasSize(3);
        assertThat(session.state().resources().values()).filteredOn(x -> x.status() == ResourceStatus.READY).hasSize(3);
    }

    @Test
    void refusesAPlanMadeAgainstAnOlderState() {
        DesiredApp app = h.example();
        Plan stale = h.plan(app, PlanOptions.ALL);
        h.apply(h.yaml("app: carbon\nregion: us-east-1\nresources:\n  c:\n    type: vpc\n"), PlanOptions.ALL);
        StateSession s = h.session(app);
        assertThatThrownBy(() -> h.executor(app).apply(stale, s)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("run infra diff again");
    }

    @Test
    void missingProviderFailsBeforeAnyChange() {
        DesiredApp app = h.example();
        StateSession s = h.session(app);
        Plan p = Planner.plan(app, s.state(), PlanOptions.ALL);
        Executor none = new Executor(new ProviderRegistry(List.of()), new StageContext("carbon", "dev", "us-east-1", false), 4,
                ProgressListener.NONE, dev.infra.core.provider.WallClock.SYSTEM);
        assertThatThrownBy(() -> none.apply(p, s)).isInstanceOf(InfraException.class).hasMessageContaining("aws.ec2.Vpc");
        assertThat(h.session(app).state().resources()).isEmpty();
    }
}

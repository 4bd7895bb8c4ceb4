package dev.infra.core.plan;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.Expander;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.ref.Ref;
import dev.infra.core.ref.Resolver;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import dev.infra.core.state.State;
import dev.infra.core.testing.Golden;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {
    static final Path EXAMPLE = Path.of("..", "infra.yaml");
    static final String LINEAGE = "00000000-0000-0000-0000-000000000000";

    static DesiredApp app(String yaml) {
        return Expander.expand(ConfigLoader.loadString(yaml, "infra.yaml", "dev", Map.of()));
    }

    static String net(String cidr, int azs) {
        return "app: net\nregion: us-east-1\nresources:\n  vpc:\n    type: vpc\n    cidr: " + cidr + "\n    azs: " + azs + "\n";
    }

    /** The state an uninterrupted apply would record: every resource READY with made-up outputs. */
    static State applied(DesiredApp app) {
        State s = new State(State.FORMAT_VERSION, 1, LINEAGE, app.config().app(), app.config().stage(), Map.of());
        for (DesiredResource r : app.resources()) {
            Map<String, Object> outputs = new java.util.TreeMap<>();
            for (String o : app.schemas().get(r.type()).outputs()) outputs.put(o, o + ":" + r.address());
            State before = s;
            Map<String, Object> inputs = Resolver.resolveMap(r.inputs(), ref -> before.resources().get(ref.address()).outputs().get(ref.attribute()));
            s = s.with(new ResourceState(r.address(), r.type(), r.component(), "id:" + r.address(), inputs, outputs,
                    app.graph().dependenciesOf(r.address()).stream().toList(), ResourceStatus.READY, ""));
        }
        return s;
    }

    @Test
    void firstPlanCreatesEverythingInDependencyOrder() {
        DesiredApp app = Expander.expand(ConfigLoader.load(EXAMPLE, "dev", Map.of()));
        Plan p = Planner.plan(app, State.empty("carbon", "dev"), PlanOptions.ALL);
        assertThat(p.changes()).allMatch(c -> c.action() == Action.CREATE).hasSize(app.resources().size());
        Golden.assertMatches("example-dev-create.plan", new PlanRenderer(false).render(p).replace(p.lineage(), "LINEAGE"));
    }

    @Test
    void unchangedAppPlansNothing() {
        DesiredApp app = app(net("10.0.0.0/16", 2));
        Plan p = Planner.plan(app, applied(app), PlanOptions.ALL);
        assertThat(p.hasChanges()).isFalse();
        assertThat(PlanRenderer.summary(p)).isEqualTo("No changes. " + app.resources().size() + " resources up to date.");
    }

    @Test
    void cidrChangeReplacesVpcAndWhatReadsItsIdNamingTheProperty() {
        State prior = applied(app(net("10.0.0.0/16", 2)));
        Plan p = Planner.plan(app(net("10.1.0.0/16", 2)), prior, PlanOptions.ALL);
        Change vpc = find(p, "vpc/vpc");
        assertThat(vpc.action()).isEqualTo(Action.REPLACE);
        assertThat(vpc.reason()).isEqualTo("cidrBlock forces replacement");
        assertThat(vpc.diffs()).containsExactly(new PropertyDiff("cidrBlock", "10.0.0.0/16", "10.1.0.0/16", true));
        assertThat(find(p, "vpc/internetGateway").action()).isEqualTo(Action.REPLACE);
        assertThat(find(p, "vpc/internetGateway").diffs().get(0).after()).isEqualTo(Unknown.VALUE);
        Golden.assertMatches("vpc-cidr-replace.plan", new PlanRenderer(false).render(p));
    }

    @Test
    void removedResourcesAreDeletedAndAddedOnesCreated() {
        State prior = applied(app(net("10.0.0.0/16", 3)));
        Plan p = Planner.plan(app(net("10.0.0.0/16", 2)), prior, PlanOptions.ALL);
        assertThat(find(p, "vpc/publicSubnet3").action()).isEqualTo(Action.DELETE);
        assertThat(find(p, "vpc/publicSubnet3").reason()).isEqualTo("no longer in infra.yaml");
        assertThat(find(p, "vpc/publicSubnet2").action()).isEqualTo(Action.NOOP);
    }

    @Test
    void inPlaceChangeIsAnUpdateWithPerPropertyDiff() {
        DesiredApp app = app(net("10.0.0.0/16", 2));
        State prior = applied(app);
        ResourceState vpc = prior.resources().get("vpc/vpc");
        Map<String, Object> old = new java.util.TreeMap<>(vpc.inputs());
        old.put("enableDnsHostnames", false);
        prior = prior.with(new ResourceState(vpc.address(), vpc.type(), vpc.component(), vpc.physicalId(), old, vpc.outputs(),
                vpc.dependencies(), ResourceStatus.READY, ""));
        Plan p = Planner.plan(app, prior, PlanOptions.ALL);
        assertThat(find(p, "vpc/vpc").action()).isEqualTo(Action.UPDATE);
        assertThat(find(p, "vpc/vpc").diffs()).containsExactly(new PropertyDiff("enableDnsHostnames", false, true, false));
        assertThat(p.changes().stream().filter(c -> c.action().changes())).hasSize(1);
    }

    @Test
    void destroyOnProtectedStageRetainsStatefulResources() {
        DesiredApp app = Expander.expand(ConfigLoader.load(EXAMPLE, "dev", Map.of()));
        Plan p = Planner.plan(app, applied(app), new PlanOptions(Set.of(), true, true));
        assertThat(find(p, "db/cluster").action()).isEqualTo(Action.RETAIN);
        assertThat(find(p, "erp/logGroup").action()).isEqualTo(Action.RETAIN);
        for (String needed : List.of("db/subnetGroup", "db/securityGroup", "vpc/privateSubnet1", "vpc/privateSubnet2", "vpc/vpc"))
            assertThat(find(p, needed).action()).as(needed + ": the kept database stands on it").isEqualTo(Action.RETAIN);
        assertThat(find(p, "db/subnetGroup").reason()).isEqualTo("retained: db/cluster needs it (the stage is protected)");
        for (String gone : List.of("vpc/publicSubnet1", "vpc/internetGateway", "erp/service", "erp/loadBalancer", "db/ingressFrom-erp"))
            assertThat(find(p, gone).action()).as(gone).isEqualTo(Action.DELETE);
    }

    @Test
    void aFinalSnapshotAskedOnDestroyIsADeleteTimeChoiceOfDatabasesOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        DesiredApp app = Expander.expand(ConfigLoader.load(EXAMPLE, "dev", Map.of()));
        Plan p = Planner.plan(app, applied(app), new PlanOptions(Set.of(), true, false, true));
        assertThat(find(p, "db/cluster").action()).isEqualTo(Action.DELETE);
        assertThat(find(p, "db/cluster").after()).isEqualTo(Map.of("finalSnapshot", true));
        assertThat(find(p, "db/cluster").reason()).isEqualTo("the stage is removed; a final snapshot is taken first");
        assertThat(find(p, "db/writer").after()).isEmpty();
        assertThat(Planner.plan(app, applied(app), new PlanOptions(Set.of(), true, false)).changes())
                .as("not asked: nothing overrides what was recorded").allMatch(c -> c.after().isEmpty());
        Path file = dir.resolve("plan.json");
        Files.writeString(file, PlanJson.write(p, "sha256:app"));
        assertThat(find(PlanJson.read(Files.readString(file)).plan(), "db/cluster").after()).as("a saved plan keeps the choice").isEqualTo(Map.of("finalSnapshot", true));
    }

    @Test
    void targetLimitsToComponentAndDependencies() {
        DesiredApp app = Expander.expand(ConfigLoader.load(EXAMPLE, "dev", Map.of()));
        Plan p = Planner.plan(app, State.empty("carbon", "dev"), new PlanOptions(Set.of("cluster"), false, false));
        assertThat(p.changes()).extracting(Change::address).containsExactly("cluster/cluster");
    }

    @Test
    void jsonRoundTripKeepsRefsAndUnknowns(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        State prior = applied(app(net("10.0.0.0/16", 2)));
        Plan p = Planner.plan(app(net("10.1.0.0/16", 2)), prior, PlanOptions.ALL);
        Path file = dir.resolve("plan.json");
        Files.writeString(file, PlanJson.write(p, "sha256:app"));
        Plan back = PlanJson.read(Files.readString(file)).plan();
        assertThat(back).isEqualTo(p);
        assertThat(find(back, "vpc/internetGateway").after().get("vpcId")).isEqualTo(new Ref("vpc/vpc", "id"));
    }

    @Test
    void numbersCompareByValue() {
        assertThat(Values.same(30L, 30)).isTrue();
        assertThat(Values.same(Map.of("a", 1.0), Map.of("a", 1))).isTrue();
        assertThat(Values.same(30, "30")).isFalse();
    }

    static Change find(Plan p, String address) {
        return p.changes().stream().filter(c -> c.address().equals(address)).findFirst().orElseThrow();
    }
}

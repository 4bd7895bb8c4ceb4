package dev.infra.core.plan;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.Expander;
import dev.infra.core.component.ImageTag;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.ref.Ref;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-place update that changes outputs (the schema's {@code changedByUpdate}) is seen by what reads them in the
 * same plan: a changed build context gives the image a new URI, known at plan time, so the task definition is
 * replaced and the service updated in the same plan, hence the same deploy. Before, the readers saw the image's
 * recorded URI and only a second deploy shipped the code.
 */
class OutputsChangedByUpdateTest {
    private final DesiredApp app = Expander.expand(ConfigLoader.load(PlannerTest.EXAMPLE, "dev", Map.of()));

    /** The state of a deploy made before the erp sources last changed: the image recorded an older digest. */
    private State deployedBeforeTheEdit() {
        State s = PlannerTest.applied(app);
        ResourceState image = s.resources().get("erp/image");
        Map<String, Object> older = new HashMap<>(image.inputs());
        older.put("contentDigest", "sha256:" + "0".repeat(64));
        return s.with(new ResourceState(image.address(), image.type(), image.component(), image.physicalId(), older,
                image.outputs(), image.dependencies(), image.status(), ""));
    }

    @Test
    void aChangedSourceShipsInOnePlanWithTheExactNewImage() {
        Plan p = Planner.plan(app, deployedBeforeTheEdit(), PlanOptions.ALL);
        Map<String, Change> by = new HashMap<>();
        p.changes().forEach(c -> by.put(c.address(), c));
        String digest = (String) app.resources().stream().filter(r -> r.address().equals("erp/image")).findFirst().orElseThrow()
                .inputs().get("contentDigest");
        String newUri = "repositoryUrl:erp/repository:" + ImageTag.of(digest);

        assertThat(by.get("erp/image").action()).isEqualTo(Action.UPDATE);
        assertThat(by.get("erp/taskDefinition").action()).isEqualTo(Action.REPLACE);
        assertThat(by.get("erp/taskDefinition").diffs()).anySatisfy(d -> {
            assertThat(d.path()).isEqualTo("containerDefinitions[erp].image");
            assertThat(d.before()).isEqualTo("imageUri:erp/image");
            assertThat(d.after()).isEqualTo(newUri);
            assertThat(d.forcesReplacement()).isTrue();
        });
        assertThat(by.get("erp/service").action()).as("the service rolls out the new task definition").isEqualTo(Action.UPDATE);
        assertThat(new PlanRenderer(false).render(p)).contains("\"imageUri:erp/image\" -> \"" + newUri + "\"");
        assertThat(p.changes().stream().filter(c -> c.action() != Action.NOOP).map(Change::address))
                .as("nothing else changes").containsExactlyInAnyOrder("erp/image", "erp/taskDefinition", "erp/service");
    }

    @Test
    void anUpdateThatChangesAnOutputNobodyCanPredictMakesItUnknown() {
        State prior = PlannerTest.applied(app);
        PlannedOutputs outputs = new PlannedOutputs(prior, ResourceTypes.all());
        ResourceState acl = prior.resources().get("firewall/webAcl");
        outputs.planned(acl.address(), acl.type(), Action.UPDATE, acl.inputs());
        assertThat(outputs.lookup(new Ref(acl.address(), "lockToken"))).as("every WAF update issues a new lock token")
                .isEqualTo(Unknown.VALUE);
        assertThat(outputs.lookup(new Ref(acl.address(), "arn"))).as("the ARN stays").isEqualTo("arn:firewall/webAcl");
    }

    @Test
    void outputsNotChangedByAnUpdateKeepTheirRecordedValue() {
        State prior = PlannerTest.applied(app);
        PlannedOutputs outputs = new PlannedOutputs(prior, ResourceTypes.all());
        ResourceState cluster = prior.resources().get("db/cluster");
        outputs.planned(cluster.address(), cluster.type(), Action.UPDATE, cluster.inputs());
        assertThat(outputs.lookup(new Ref(cluster.address(), "endpoint"))).isEqualTo("endpoint:db/cluster");
    }

    @Test
    void everyOutputAnUpdateChangesIsADeclaredOutput() {
        assertThat(ResourceTypes.all().values()).allSatisfy(s -> assertThat(s.outputs()).containsAll(s.changedByUpdate()));
        assertThat(ResourceTypes.find("docker.Image").orElseThrow().changedByUpdate()).contains("imageUri", "digest");
    }
}

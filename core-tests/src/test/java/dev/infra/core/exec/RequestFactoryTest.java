package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.component.Expander;
import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.provider.StageContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's physical name comes from the input its type's schema names, never from the first name-like key. */
class RequestFactoryTest {
    final RequestFactory requests = new RequestFactory(new StageContext("carbon", "dev", "us-east-1", false));

    @Test
    void aDatabaseInstanceIsNamedByItsOwnIdentifierNotItsClusters() {
        Map<String, Object> in = Map.of("dbClusterIdentifier", "carbon-dev-db", "dbInstanceIdentifier", "carbon-dev-db-1");
        assertThat(requests.request("db/instance1", "aws.rds.Instance", in, "t").physicalName()).isEqualTo("carbon-dev-db-1");
    }

    @Test
    void aDeploymentGroupIsNamedByItsOwnNameNotItsApplications() {
        Map<String, Object> in = Map.of("applicationName", "carbon-dev", "deploymentGroupName", "carbon-dev-api");
        assertThat(requests.request("api/deploymentGroup", "aws.codedeploy.DeploymentGroup", in, "t").physicalName()).isEqualTo("carbon-dev-api");
    }

    /** Every name key a schema declares is an input its component emits: a typo in either shows here. */
    @Test
    void everyDeclaredNameKeyIsAnInputTheExampleGives() {
        DesiredApp app = Expander.expand(ConfigLoader.load(Path.of("..", "infra.yaml"), "dev", Map.of()));
        int named = 0;
        for (DesiredResource r : app.resources()) {
            ResourceSchema s = ResourceTypes.find(r.type()).orElseThrow();
            if (s.nameKey().isEmpty()) continue;
            named++;
            assertThat(r.inputs()).as("%s (%s) gives its name key", r.address(), r.type()).containsKey(s.nameKey());
        }
        assertThat(named).isGreaterThan(30);
    }
}

package dev.infra.core.exec;

import dev.infra.core.component.DesiredApp;
import dev.infra.core.component.Expander;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.provider.Found;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.State;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How the sweep records orphans so that the executor deletes them in dependency order. */
class SweeperTest {
    private static Map<String, String> tags(String address) {
        return Map.of("infra:app", "carbon", "infra:stage", "dev", "infra:resource", address);
    }

    @Test
    void orphansDependOnTheDesiredGraphTheirReferencesAndWhatTheirUsersNeed() {
        DesiredApp app = Expander.expand(ConfigLoader.load(Path.of("..", "infra.yaml"), "dev", Map.of()));
        Found vpc = new Found("aws.ec2.Vpc", "vpc-1", tags("vpc/vpc"), Map.of());
        Found subnet = new Found("aws.ec2.Subnet", "subnet-1", tags("vpc/publicSubnet1"), Map.of(), Map.of(), Set.of("vpc-1"));
        Found table = new Found("aws.ec2.RouteTable", "rtb-1", tags("vpc/publicRouteTable"), Map.of()).withUsedBy(Set.of("subnet-1"));
        Found twin = new Found("aws.ec2.Vpc", "vpc-2", tags("vpc/vpc"), Map.of());
        State s = Sweeper.record(State.empty("carbon", "dev"), List.of(vpc, subnet, table, twin), app);
        assertThat(s.resource("vpc/publicSubnet1").map(ResourceState::dependencies).orElseThrow()).contains("vpc/vpc");
        assertThat(s.resource("vpc/publicSubnet1").map(ResourceState::dependencies).orElseThrow())
                .as("the subnet goes before the route table it is associated with").contains("vpc/publicRouteTable");
        assertThat(s.resource("vpc/vpc#vpc-2")).as("a second object tagged with the same address is kept apart").isPresent();
        assertThat(s.resource("vpc/vpc").map(ResourceState::physicalId)).contains("vpc-1");
    }
}

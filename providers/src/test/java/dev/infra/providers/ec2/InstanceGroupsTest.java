package dev.infra.providers.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceGroupsTest {
    private static GroupIdentifier g(String id) {
        return GroupIdentifier.builder().groupId(id).build();
    }

    @Test
    void theGroupsAreThePrimaryInterfacesWhereverTheEndpointListsThem() {
        Instance aws = Instance.builder().securityGroups(g("sg-2"), g("sg-1"))
                .networkInterfaces(InstanceNetworkInterface.builder().groups(g("sg-1"), g("sg-2")).build()).build();
        Instance moto = Instance.builder().securityGroups(List.of())
                .networkInterfaces(InstanceNetworkInterface.builder().groups(g("sg-9")).build()).build();
        Instance bare = Instance.builder().securityGroups(g("sg-5")).build();
        assertThat(InstanceProvider.groupIds(aws)).containsExactly("sg-1", "sg-2");
        assertThat(InstanceProvider.groupIds(moto)).containsExactly("sg-9");
        assertThat(InstanceProvider.groupIds(bare)).containsExactly("sg-5");
    }
}

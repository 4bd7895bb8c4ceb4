package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Harsh FakeAws: a deleted load balancer's network interfaces linger for minutes, holding its security group and subnets. */
class ElbHarshTest {
    private final ProviderFixture f = new ProviderFixture();

    @Test
    void theGroupAndSubnetsOfADeletedLoadBalancerAreDeletedOnceItsInterfacesAreGone() {
        f.fake.harsh(12);
        Network net = new Network(f);
        ResourceHandle lb = net.balancer("shop-dev-web");
        f.provider("aws.elbv2.LoadBalancer").delete(lb);
        Duration before = f.fake.clock().slept();
        assertThatThrownBy(() -> f.client(Ec2Client.class).deleteSecurityGroup(b -> b.groupId(net.group.physicalId())))
                .as("without a retry").hasMessageContaining("DependencyViolation");
        List<String> waits = new ArrayList<>();
        WaitReporter report = waits::add;
        f.provider("aws.ec2.SecurityGroup").delete(net.group, report);
        f.provider("aws.ec2.Subnet").delete(net.subnetA, report);
        f.provider("aws.ec2.Subnet").delete(net.subnetB, report);
        f.provider("aws.ec2.Vpc").delete(net.vpc, report);
        assertThat(f.fake.clock().slept().minus(before)).as("longer than the plain fake's 30 s").isGreaterThan(Duration.ofMinutes(1));
        assertThat(waits).isNotEmpty().allMatch(w -> w.contains("to be free of dependents"));
        assertThat(f.fake.tagged(Map.of("infra:stage", "dev"))).isEmpty();
    }
}

package dev.infra.core.provider;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {
    private static final StageContext DEV = new StageContext("shop", "dev", "us-east-1", false);
    private final Ownership ownership = Ownership.of(DEV, Set.of("vpc/vpc", "web/service"));

    private static Map<String, String> tags(String app, String stage, String address) {
        return Map.of("infra:app", app, "infra:stage", stage, "infra:resource", address);
    }

    @Test
    void onlyTheStagesOwnTagsWithAKnownAddressProveOwnership() {
        assertThat(ownership.whyNotOurs(tags("shop", "dev", "vpc/vpc"))).isEmpty();
        assertThat(ownership.whyNotOurs(Map.of("Name", "shop-dev-vpc"))).contains("no infra tags");
        assertThat(ownership.whyNotOurs(tags("erp", "dev", "vpc/vpc"))).contains("app erp");
        assertThat(ownership.whyNotOurs(tags("shop", "prod", "vpc/vpc"))).contains("stage prod");
        assertThat(ownership.whyNotOurs(tags("shop", "dev", "old/natEip"))).contains("unknown address old/natEip");
        assertThat(ownership.whyNotOurs(Map.of("infra:app", "shop", "infra:stage", "dev"))).contains("no infra:resource tag");
        assertThat(Ownership.ofAddress(DEV, "web/service").ours(tags("shop", "dev", "vpc/vpc"))).as("adoption wants the very address").isFalse();
    }

    @Test
    void aSplitCountsARepeatedObjectOnceAndTellsTheStagesUnprovenFromStrangers() {
        Found mine = new Found("aws.ec2.Vpc", "vpc-1", tags("shop", "dev", "vpc/vpc"), Map.of());
        Found stranger = new Found("aws.ec2.Vpc", "vpc-2", Map.of(), Map.of());
        Found neighbour = new Found("aws.ec2.Vpc", "vpc-3", tags("shop", "qa", "vpc/vpc"), Map.of());
        Found unknown = new Found("aws.ec2.Vpc", "vpc-4", tags("shop", "dev", "old/vpc"), Map.of());
        Found unaddressed = new Found("aws.ec2.Vpc", "vpc-5", Map.of("infra:app", "shop", "infra:stage", "dev"), Map.of());
        Ownership.Split split = ownership.split(List.of(mine, stranger, neighbour, unknown, unaddressed, mine, stranger, unknown));
        assertThat(split.ours()).containsExactly(mine);
        assertThat(split.unproven()).containsExactly("aws.ec2.Vpc vpc-4: unknown address old/vpc", "aws.ec2.Vpc vpc-5: no infra:resource tag");
        assertThat(split.foreign()).containsExactly("aws.ec2.Vpc vpc-2: no infra tags", "aws.ec2.Vpc vpc-3: stage qa");
    }
}

package dev.infra.core.state;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceMapTest {
    private static ResourceState resource(String address, int version) {
        return new ResourceState(address, "aws.ec2.Subnet", "net", "id-" + version, Map.of("v", version), Map.of(),
                List.of(), ResourceStatus.READY, "");
    }

    /** Seeded random puts, replacements and removals, each checked against a TreeMap doing the same. */
    @Test
    void behavesAsASortedMapThroughRandomChanges() {
        Random random = new Random(18);
        TreeMap<String, ResourceState> expected = new TreeMap<>();
        ResourceMap actual = ResourceMap.of(Map.of());
        List<ResourceMap> earlier = new ArrayList<>();
        List<Map<String, ResourceState>> earlierExpected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String key = "svc" + random.nextInt(400) + "/r";
            if (random.nextInt(3) == 0) {
                expected.remove(key);
                actual = actual.minus(key);
            } else {
                ResourceState r = resource(key, i);
                expected.put(key, r);
                actual = actual.plus(key, r);
            }
            if (i % 300 == 0) {
                earlier.add(actual);
                earlierExpected.add(new TreeMap<>(expected));
            }
            assertThat(actual.size()).isEqualTo(expected.size());
            assertThat(actual.get(key)).isEqualTo(expected.get(key));
            assertThat(actual.containsKey(key)).isEqualTo(expected.containsKey(key));
        }
        assertThat(List.copyOf(actual.entrySet())).containsExactlyElementsOf(expected.entrySet());
        assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
        for (int i = 0; i < earlier.size(); i++) assertThat(earlier.get(i)).isEqualTo(earlierExpected.get(i)); // copies never change
    }

    @Test
    void theSameKeysGiveTheSameMapWhateverTheOrder() {
        ResourceMap up = ResourceMap.of(Map.of());
        ResourceMap down = ResourceMap.of(Map.of());
        for (int i = 0; i < 200; i++) up = up.plus("r" + i, resource("r" + i, 1));
        for (int i = 199; i >= 0; i--) down = down.plus("r" + i, resource("r" + i, 1));
        assertThat(up).isEqualTo(down);
        assertThat(List.copyOf(up.keySet())).isEqualTo(List.copyOf(down.keySet())).isSorted();
        assertThat(up.minus("absent")).isSameAs(up);
    }

    @Test
    void refusesChanges() {
        ResourceMap m = ResourceMap.of(Map.of("a", resource("a", 1)));
        assertThatThrownBy(() -> m.put("b", resource("b", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(resource("a", 2))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(m.get(42)).isNull();
    }
}

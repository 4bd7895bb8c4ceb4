package dev.infra.providers.ssm;

import dev.infra.core.diag.InfraException;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.StageContext;
import dev.infra.core.secrets.SecretValue;
import dev.infra.core.secrets.SecretsStore;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeSsm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SsmSecretsStoreTest {
    private final String name = "ssm-" + UUID.randomUUID();
    private final FakeAws fake = FakeAws.named(name);
    private final ProviderConfig config = new ProviderConfig("", "us-east-1", FakeAwsOverride.SCHEME + name, false);

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    private SecretsStore store(String stage, String template) {
        return new SsmSecretsStoreFactory().open(new StageContext("shop", stage, "us-east-1", false), template, "", config);
    }

    @Test
    void aCustomPathTemplateKeepsStagesApartAndListsWithoutValues() {
        SecretsStore prod = store("prod", "/{stage}/{app}/{name}");
        SecretsStore dev = store("dev", "/{stage}/{app}/{name}");
        prod.put("A", new SecretValue("1"));
        prod.put("B", new SecretValue("2"));
        dev.put("A", new SecretValue("dev"));
        fake.service(FakeSsm.class).putParameter(b -> b.name("/prod/shop/nested/C").value("x").type("SecureString"));
        assertThat(fake.service(FakeSsm.class).valueOf("/prod/shop/A")).isEqualTo("1");
        assertThat(prod.list()).extracting(SecretsStore.SecretInfo::name).containsExactly("A", "B");
        assertThat(dev.getAll(List.of("A", "B"))).containsOnlyKeys("A").containsEntry("A", new SecretValue("dev"));
        prod.put("A", new SecretValue("changed"));
        assertThat(prod.get("A")).contains(new SecretValue("changed"));
    }

    @Test
    void readsAreBatchedByTenAndListingIsPaged() {
        SecretsStore s = store("prod", "/{app}/{stage}/{name}");
        List<String> names = IntStream.range(0, 23).mapToObj(i -> "S" + i).toList();
        names.forEach(n -> s.put(n, new SecretValue("v-" + n)));
        fake.calls().clear();
        assertThat(s.getAll(names)).hasSize(23).containsEntry("S7", new SecretValue("v-S7"));
        assertThat(fake.calls().count("ssm:GetParameters")).isEqualTo(3);
        assertThat(s.list()).hasSize(23);
        assertThat(fake.calls().count("ssm:DescribeParameters")).as("pages of 3").isEqualTo(8);
    }

    @Test
    void throttlingIsRetriedAndAnAwsErrorIsOneLineWithoutTheValue() {
        SecretsStore s = store("prod", "/{app}/{stage}/{name}");
        fake.faults().throttle(0.3);
        IntStream.range(0, 10).forEach(i -> s.put("T" + i, new SecretValue("t" + i)));
        assertThat(s.list()).hasSize(10);
        assertThat(fake.faults().throttledCalls()).isPositive();

        fake.faults().throttle(0).failAt("ssm:PutParameter", 1, () -> FakeAws.error("ssm:PutParameter",
                "ValidationException", "Value 'hunter2-canary' at 'value' failed to satisfy constraint", 400));
        InfraException e = catchThrowableOfType(InfraException.class, () -> s.put("X", new SecretValue("hunter2-canary")));
        assertThat(e.getMessage()).startsWith("SSM Parameter Store: ValidationException").doesNotContain("hunter2-canary").doesNotContain("\n");
        assertThat(e.getCause()).as("no cause that a stack trace could print").isNull();
        assertThat(Map.of("X", s.get("X").isPresent())).containsEntry("X", false);
    }
}

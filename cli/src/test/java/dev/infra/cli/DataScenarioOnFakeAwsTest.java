package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The data scenario (Aurora, WAF, secrets) against FakeAws, the same steps the it profile runs on a real endpoint. */
class DataScenarioOnFakeAwsTest {
    @TempDir
    Path dir;
    private final String name = "data-" + UUID.randomUUID();

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    @Test
    void secretsDeployCleanChangeDeployRemoveLeavesNothing() throws Exception {
        FakeAws fake = FakeAws.named(name).pageSize(100);
        DataScenario s = new DataScenario(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name), "example/web:1", 8080);
        s.deployChangeAndCheck();
        s.driftByHandIsReportedAndUndone();
        s.databaseForgottenAndImported();
        s.removeAll();
        assertThat(fake.tagged(Map.of("infra:app", "shop", "infra:stage", DataScenario.STAGE))).isEmpty();
    }
}

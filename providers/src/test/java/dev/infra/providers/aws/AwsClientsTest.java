package dev.infra.providers.aws;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.state.State;
import dev.infra.core.state.StateBackend;
import dev.infra.core.state.StateBackends;
import dev.infra.core.state.StateSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients built from the CLI's options reach an S3-compatible endpoint; s3:// state works through the SPI. */
class AwsClientsTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    static ProviderConfig config(boolean verbose) {
        return new ProviderConfig("", "us-east-1", dev.infra.providers.testing.S3MockClients.endpoint(S3_MOCK), verbose);
    }

    @Test
    void s3StateUrlOpensTheS3BackendAndKeepsState() {
        try (AwsClients clients = new AwsClients(config(false))) {
            clients.s3().createBucket(b -> b.bucket("team-state"));
        }
        StateBackend backend = StateBackends.open("s3://team-state/infra", config(false));
        assertThat(backend.describe()).isEqualTo("s3://team-state/infra/");
        StateSession session = StateSession.open(backend, "carbon", "dev");
        State saved = session.save(session.state());
        assertThat(StateSession.open(backend, "carbon", "dev").state().serial()).isEqualTo(saved.serial()).isEqualTo(1);
    }

    @Test
    void verboseLogsEachCallWithStatusAndDurationButNoBody() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (var s3 = dev.infra.providers.testing.S3MockClients.client(S3_MOCK, o -> o.addExecutionInterceptor(new CallLogger(err)))) {
            s3.createBucket(b -> b.bucket("verbose"));
            s3.putObject(b -> b.bucket("verbose").key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("top-secret"));
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("aws S3.CreateBucket 200").contains("aws S3.PutObject 200").containsPattern("\\d+ms")
                .doesNotContain("top-secret");
    }
}

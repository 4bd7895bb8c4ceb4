package dev.infra.providers.s3;

import dev.infra.core.state.ConditionalStore;
import dev.infra.core.state.StateBackendConformance;
import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.infra.providers.s3.S3Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared backend suite against a real S3-compatible server (Adobe S3Mock, started in-process). */
class S3BackendConformanceTest extends StateBackendConformance {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();
    static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = dev.infra.providers.testing.S3MockClients.client(S3_MOCK);
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Override
    protected ConditionalStore newStore() {
        String bucket = "state-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(bucket));
        return new S3Store(s3, bucket, "infra");
    }

    private static final String NOT_ATOMIC = "S3Mock 4.11 does not serialize concurrent conditional writes: 8 racing "
            + "PutObject If-None-Match:* calls on one key saw 2 to 8 winners per round, so a race test against it cannot pass; "
            + "real S3 serializes them. The same race tests run against the file and in-memory stores.";

    @Test
    @org.junit.jupiter.api.Disabled(NOT_ATOMIC)
    @Override
    protected void racingWritersExactlyOneWinsPerVersion() {
    }

    @Test
    @org.junit.jupiter.api.Disabled(NOT_ATOMIC)
    @Override
    protected void racingLockersExactlyOneHolds() {
    }

    @Test
    @org.junit.jupiter.api.Disabled(NOT_ATOMIC)
    @Override
    protected void racingAppendersExactlyOneWinsPerRecord() {
    }

    @Test
    void writesAreConditionalOnTheETag() {
        ConditionalStore store = newStore();
        String v1 = store.put("carbon/dev/state.json", "{}", null);
        assertThat(v1).isNotBlank();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put("carbon/dev/state.json", "{\"x\":1}", null))
                .isInstanceOf(ConditionalStore.PreconditionFailedException.class);
        String v2 = store.put("carbon/dev/state.json", "{\"x\":1}", v1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put("carbon/dev/state.json", "{\"x\":2}", v1))
                .isInstanceOf(ConditionalStore.PreconditionFailedException.class);
        assertThat(store.get("carbon/dev/state.json").orElseThrow().version()).isEqualTo(v2);
        assertThat(store.get("carbon/dev/state.json").orElseThrow().content()).isEqualTo("{\"x\":1}");
    }
}

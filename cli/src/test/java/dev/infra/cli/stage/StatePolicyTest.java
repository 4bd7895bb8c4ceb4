package dev.infra.cli.stage;

import dev.infra.core.state.LockInfo;
import dev.infra.core.state.MemoryStore;
import dev.infra.core.state.ObjectStateBackend;
import dev.infra.core.state.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StatePolicyTest {
    @Test
    void anS3StateIsReadByEveryCommandAndWrittenOnlyByDeployAndRemoveInTheStagesFolderOnly() {
        List<Map<String, Object>> deploy = StatePolicy.statements("s3://acme-infra-state/carbon", "carbon", "dev", "us-east-1", StagePolicy.Mode.DEPLOY);
        assertThat(deploy.get(0)).containsEntry("Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                .containsEntry("Resource", "arn:aws:s3:::acme-infra-state/carbon/carbon/dev/*");
        assertThat(deploy.get(1)).containsEntry("Action", List.of("s3:ListBucket")).containsEntry("Resource", "arn:aws:s3:::acme-infra-state")
                .containsEntry("Condition", Map.of("StringLike", Map.of("s3:prefix", "carbon/carbon/dev/*")));
        assertThat(deploy).hasSize(2);
        assertThat(StatePolicy.statements("s3://acme-infra-state/carbon", "carbon", "dev", "us-east-1", StagePolicy.Mode.REMOVE).get(0))
                .containsEntry("Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"));
        assertThat(StatePolicy.statements("s3://acme-infra-state", "carbon", "dev", "us-east-1", StagePolicy.Mode.DIFF).get(0))
                .containsEntry("Action", List.of("s3:GetObject")).containsEntry("Resource", "arn:aws:s3:::acme-infra-state/carbon/dev/*");
    }

    @Test
    void theDefaultBucketMayBeMadeByWhicheverCommandRunsFirstAndAFileStateNeedsNothing() {
        List<Map<String, Object>> diff = StatePolicy.statements("", "carbon", "dev", "eu-west-1", StagePolicy.Mode.DIFF);
        assertThat(diff.get(0)).containsEntry("Resource", "arn:aws:s3:::infra-state-*-eu-west-1/infra/carbon/dev/*");
        assertThat(diff.get(2)).containsEntry("Resource", "arn:aws:s3:::infra-state-*-eu-west-1")
                .extractingByKey("Action").asList().contains("s3:ListBucket", "s3:CreateBucket", "s3:PutBucketVersioning");
        assertThat(StatePolicy.statements("file://.infra/state", "carbon", "dev", "eu-west-1", StagePolicy.Mode.DEPLOY)).isEmpty();
    }

    @Test
    void everyKeyTheStateBackendUsesIsInTheStagesFolder() {
        MemoryStore store = new MemoryStore("policy-" + UUID.randomUUID());
        ObjectStateBackend backend = new ObjectStateBackend(store);
        var lock = backend.locker("carbon", "dev").acquire(new LockInfo("id", "ci", "host", "infra deploy", Instant.EPOCH, Instant.EPOCH));
        String v = backend.persister("carbon", "dev").write(State.empty("carbon", "dev"), null);
        backend.persister("carbon", "dev").write(State.empty("carbon", "dev").withSerial(2), v);
        List<String> keys = store.keys("");
        assertThat(keys).isNotEmpty().allMatch(k -> k.startsWith("carbon/dev/"));
        lock.close();
    }
}

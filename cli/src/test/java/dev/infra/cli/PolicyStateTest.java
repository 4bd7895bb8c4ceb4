package dev.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra policy}'s statements for the stage's state, through the CLI: S3 statements for an {@code s3://} state
 * and for the account's default bucket (no {@code state:}), none for a state kept anywhere else.
 */
class PolicyStateTest {
    private static final String APP = """
            app: carbon
            region: us-east-1
            state: file://.infra/state
            resources:
              vpc: { type: vpc, azs: 2, nat: none }
              cluster: { type: cluster, vpc: vpc }
            """;
    @TempDir
    Path dir;

    @Test
    void anS3StateIsGrantedInItsBucketAndTheDefaultBucketUnderItsPrefix() throws Exception {
        writeApp(true);
        assertThat(resources(policy("--state", "s3://acme-infra-state/ci")))
                .contains("arn:aws:s3:::acme-infra-state/ci/carbon/dev/*", "arn:aws:s3:::acme-infra-state");
        writeApp(false);
        assertThat(resources(policy())).contains("arn:aws:s3:::infra-state-*-us-east-1/infra/carbon/dev/*", "arn:aws:s3:::infra-state-*-us-east-1");
    }

    @Test
    void aStateKeptOutsideS3NeedsNoS3Statement() throws Exception {
        writeApp(true);
        for (String url : List.of("mem://x", "file://.infra/state", "gs://bucket/state"))
            assertThat(actions(policy("--state", url))).as(url).isNotEmpty().noneMatch(a -> a.startsWith("s3:"));
        assertThat(actions(policy())).as("infra.yaml's file state").isNotEmpty().noneMatch(a -> a.startsWith("s3:"));
    }

    private void writeApp(boolean fileState) throws Exception {
        Files.writeString(dir.resolve("infra.yaml"), fileState ? APP : APP.replace("state: file://.infra/state\n", ""));
    }

    private JsonNode policy(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("policy", "--stage", "dev", "--no-color"));
        args.addAll(List.of(more));
        Cli.Result r = new Cli(dir, Map.of()).run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> actions(JsonNode policy) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : policy.get("Statement")) out.addAll(PolicyCheck.strings(s.get("Action")));
        return out;
    }

    private static List<String> resources(JsonNode policy) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : policy.get("Statement")) out.addAll(PolicyCheck.strings(s.get("Resource")));
        return out;
    }
}

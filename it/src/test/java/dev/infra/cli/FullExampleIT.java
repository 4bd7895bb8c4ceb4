package dev.infra.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repo's own infra.yaml (the spec's full example) against an emulator endpoint, as far as one can run it: api
 * deploys rolling (emulators lack parts of CodeDeploy) and both services run an image given by URI (no Docker engine).
 * Stage {@code itfull}: secrets, deploy, clean refreshed diff, the scaling and rate-limit change, deploy, remove with a
 * final snapshot. Stage {@code itkept}, protected, with an RDS Proxy: deploy, remove keeps the database, a second
 * remove keeps it again, a redeploy builds on it; then protection is lifted (a deploy turns deletion protection off)
 * and the stage is removed. Nothing is left tagged with either stage.
 */
class FullExampleIT {
    @TempDir
    Path dir;

    private void write(boolean keptStage, int rateLimit, String dbMax) throws Exception {
        String app = Files.readString(Path.of("..", "infra.yaml"))
                .replace("image: { context: example, dockerfile: apps/erp/Dockerfile }", "image: \"nginx:1.27\"")
                .replace("image: { context: example, dockerfile: apps/api/Dockerfile }", "image: \"nginx:1.27\"")
                .replace("deployment: { strategy: blue-green, terminationWait: 15m }", "deployment: { strategy: rolling }")
                .replace("stages:\n", "stages:\n  itkept:\n    protect: " + keptStage + "\n")
                .replace("proxy: false", "proxy: true")
                .replace("rateLimit: 200", "rateLimit: " + rateLimit)
                .replace("max: 4, pauseAfter", "max: " + dbMax + ", pauseAfter");
        Files.writeString(dir.resolve("infra.yaml"), app);
    }

    @Test
    void theFullExampleDeploysChangesAndRemovesAndAProtectedStageKeepsItsDatabase() throws Exception {
        Optional<ItEndpoint> found = ItEndpoint.find();
        if (found.isEmpty() || found.get().url().isEmpty()) System.out.println("SKIPPED full example: needs an emulator INFRA_IT_ENDPOINT");
        Assumptions.assumeTrue(found.isPresent() && !found.get().url().isEmpty(), "needs an emulator endpoint");
        try (ItEndpoint endpoint = found.get()) {
            endpoint.defaultCredentials();
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", endpoint.url());
            Files.writeString(dir.resolve(".env"), "SESSION_SECRET=\"s-1\"\nSTRIPE_SECRET_KEY=sk_test_1\n");
            write(true, 200, "4");
            StageCli full = new StageCli(dir, env, "itfull");
            StageCli kept = new StageCli(dir, env, "itkept");
            try {
                full.ok("secrets", "load", ".env");
                full.ok("deploy", "--yes");
                full.assertClean("--refresh");
                write(true, 500, "8");
                Cli.Result diff = full.run("diff", "--detailed-exitcode");
                assertThat(diff.code()).as(diff.out() + diff.err()).isEqualTo(4);
                assertThat(diff.out()).contains("serverlessV2ScalingConfiguration.maxCapacity: 4.0 -> 8.0")
                        .contains("rules[rate-limit].rateBasedStatement.limit: 200 -> 500")
                        .contains("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete");
                full.ok("deploy", "--yes");
                full.assertClean("--refresh");
                assertThat(full.ok("remove", "--yes", "--final-snapshot").out()).contains("a final snapshot is taken first");

                kept.ok("secrets", "load", ".env");
                kept.ok("deploy", "--yes");
                assertThat(kept.ok("remove", "--yes", "--confirm", "itkept").out() + "").contains("retained: the stage is protected");
                assertThat(kept.ok("remove", "--yes", "--confirm", "itkept").err()).doesNotContain("sweep failed");
                assertThat(kept.ok("deploy", "--yes").out()).doesNotContain("+ db/cluster").doesNotContain("+ vpc/vpc");
                kept.assertClean("--refresh");
                write(false, 500, "8");
                kept.ok("deploy", "--yes");
            } finally {
                full.run("remove", "--yes");
                kept.run("remove", "--yes");
            }
            for (StageCli stage : List.of(full, kept)) {
                stage.run("secrets", "remove", "SESSION_SECRET");
                stage.run("secrets", "remove", "STRIPE_SECRET_KEY");
            }
            for (String stage : List.of("itfull", "itkept"))
                assertThat(AwsScenarioIT.leftovers(endpoint.url(), "carbon", stage)).as("resources still tagged with stage " + stage).isEmpty();
        }
    }
}

package dev.infra.cli;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.AwsProviderPlugin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario (the same steps as {@code FakeAwsEndToEndTest}) against a real AWS-compatible endpoint, with
 * nginx images so real tasks pass their health checks. What is left tagged with the stage afterwards is found with
 * the providers' own sweep listing, which works on any endpoint.
 */
class AwsScenarioIT {
    @TempDir
    Path dir;

    /** The endpoint to run against, or the test is skipped (saying why in the log, which CI keeps). */
    private static ItEndpoint endpoint(String scenario) {
        Optional<ItEndpoint> found = ItEndpoint.find();
        if (found.isEmpty()) System.out.println("SKIPPED " + scenario + ": " + ItEndpoint.skipReason());
        Assumptions.assumeTrue(found.isPresent(), ItEndpoint::skipReason);
        ItEndpoint endpoint = found.get();
        endpoint.defaultCredentials();
        System.out.println(scenario + " against " + (endpoint.url().isEmpty() ? "AWS" : endpoint.url()));
        return endpoint;
    }

    private static Map<String, String> env(ItEndpoint endpoint) {
        return endpoint.url().isEmpty() ? Map.of() : Map.of("AWS_ENDPOINT_URL", endpoint.url());
    }

    @Test
    void deployDiffRefreshChangeDeployRemove() throws Exception {
        try (ItEndpoint endpoint = endpoint("integration scenario")) {
            AwsScenario s = new AwsScenario(dir, env(endpoint), AwsScenario.Images.NGINX);
            try {
                s.deploy();
                s.assertClean();
                s.assertClean("--refresh");
                s.changeImageAndCpu();
                s.deploy();
                s.assertClean("--refresh");
            } finally {
                s.run("remove", "--yes");
            }
            s.remove();
            assertThat(leftovers(endpoint.url())).as("resources still tagged with the stage").isEmpty();
        }
    }

    @Test
    void dataScenarioSecretsAuroraWafDeployChangeRemove() throws Exception {
        try (ItEndpoint endpoint = endpoint("data scenario")) {
            DataScenario s = new DataScenario(dir, env(endpoint), AwsScenario.Images.NGINX.web(), AwsScenario.Images.NGINX.webPort());
            try {
                s.deployChangeAndCheck();
                s.driftByHandIsReportedAndUndone();
                s.databaseForgottenAndImported();
            } finally {
                s.run("remove", "--yes");
            }
            s.removeAll();
            assertThat(leftovers(endpoint.url(), DataScenario.STAGE)).as("resources still tagged with the stage").isEmpty();
        }
    }

    /**
     * A deploy killed with SIGKILL half way (the launcher, in its own process, one step at a time) leaves its lock and
     * some pending resources; a second deploy on the same host takes the dead run's lock over (saying so), finishes
     * the job, and the stage diffs clean. Then a remove killed half way: a second remove finishes, and nothing tagged
     * is left.
     */
    @Test
    void aDeployKilledHalfWayResumesCleanly() throws Exception {
        try (ItEndpoint endpoint = endpoint("kill-and-resume scenario")) {
            Assumptions.assumeFalse(endpoint.url().isEmpty(), "needs an emulator endpoint (not real AWS)");
            AwsScenario s = new AwsScenario(dir, env(endpoint), AwsScenario.Images.NGINX);
            KilledRun killed = new KilledRun(dir, endpoint.url(), AwsScenario.STAGE);
            try {
                int recorded = killed.run("deploy", n -> n >= 12);
                System.out.println("deploy killed with " + recorded + " resources recorded");
                Cli.Result resumed = s.run("deploy", "--yes");
                assertThat(resumed.code()).as("the killed run's process is gone, so its lock is taken over: " + resumed.err()).isZero();
                assertThat(resumed.err()).contains("took over the lock").contains("that process no longer exists");
                s.assertClean("--refresh");
                int all = killed.recorded();
                int left = killed.run("remove", n -> n <= all - 12);
                System.out.println("remove killed with " + left + " of " + all + " resources still recorded");
            } finally {
                s.run("remove", "--yes");
            }
            s.remove();
            assertThat(leftovers(endpoint.url())).as("resources still tagged with the stage").isEmpty();
        }
    }

    private static List<String> leftovers(String url) {
        return leftovers(url, AwsScenario.STAGE);
    }

    private static List<String> leftovers(String url, String stageName) {
        return leftovers(url, "shop", stageName);
    }

    /** What the providers' sweep listing finds tagged with the app and stage: works on any endpoint. */
    static List<String> leftovers(String url, String app, String stageName) {
        StageContext stage = new StageContext(app, stageName, "us-east-1", false);
        List<String> out = new ArrayList<>();
        for (ResourceProvider p : new AwsProviderPlugin().providers(new ProviderConfig(null, "us-east-1", url.isEmpty() ? null : url, false)))
            for (ResourceHandle h : p.listTagged(stage)) out.add(h.type() + " " + h.physicalId());
        return out;
    }
}

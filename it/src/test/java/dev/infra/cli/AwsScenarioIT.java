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

    @Test
    void deployDiffRefreshChangeDeployRemove() throws Exception {
        Optional<ItEndpoint> found = ItEndpoint.find();
        if (found.isEmpty()) System.out.println("SKIPPED integration scenario: " + ItEndpoint.skipReason());
        Assumptions.assumeTrue(found.isPresent(), ItEndpoint::skipReason);
        try (ItEndpoint endpoint = found.get()) {
            endpoint.defaultCredentials();
            System.out.println("integration scenario against " + (endpoint.url().isEmpty() ? "AWS" : endpoint.url()));
            AwsScenario s = new AwsScenario(dir, endpoint.url().isEmpty() ? Map.of() : Map.of("AWS_ENDPOINT_URL", endpoint.url()),
                    AwsScenario.Images.NGINX);
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
        Optional<ItEndpoint> found = ItEndpoint.find();
        if (found.isEmpty()) System.out.println("SKIPPED data scenario: " + ItEndpoint.skipReason());
        Assumptions.assumeTrue(found.isPresent(), ItEndpoint::skipReason);
        try (ItEndpoint endpoint = found.get()) {
            endpoint.defaultCredentials();
            DataScenario s = new DataScenario(dir, endpoint.url().isEmpty() ? Map.of() : Map.of("AWS_ENDPOINT_URL", endpoint.url()),
                    AwsScenario.Images.NGINX.web(), AwsScenario.Images.NGINX.webPort());
            try {
                s.loadSecretsAndDeploy();
                s.assertClean();
                s.assertClean("--refresh");
                s.changeScalingAndRateLimit();
                s.ok("deploy", "--yes");
                s.assertClean("--refresh");
            } finally {
                s.run("remove", "--yes");
            }
            s.removeAll();
            assertThat(leftovers(endpoint.url(), DataScenario.STAGE)).as("resources still tagged with the stage").isEmpty();
        }
    }

    private static List<String> leftovers(String url) {
        return leftovers(url, AwsScenario.STAGE);
    }

    private static List<String> leftovers(String url, String stageName) {
        StageContext stage = new StageContext("shop", stageName, "us-east-1", false);
        List<String> out = new ArrayList<>();
        for (ResourceProvider p : new AwsProviderPlugin().providers(new ProviderConfig(null, "us-east-1", url.isEmpty() ? null : url, false)))
            for (ResourceHandle h : p.listTagged(stage)) out.add(h.type() + " " + h.physicalId());
        return out;
    }
}

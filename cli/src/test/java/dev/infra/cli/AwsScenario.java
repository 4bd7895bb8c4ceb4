package dev.infra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end scenario, run through the CLI against whatever AWS the environment names (FakeAws in the
 * unit tests, a real AWS-compatible endpoint in the {@code it} profile): an app with a VPC, a cluster and two
 * load-balanced services with image URIs, one with a path rule and scaling. Each step asserts exit codes and what
 * the plan shows; the callers add what only their endpoint can check (call counts, leftovers).
 */
final class AwsScenario {
    static final String STAGE = "e2e";

    /**
     * The images and ports the services run: any names do for FakeAws; a real endpoint that runs the tasks needs
     * pullable images that answer their health checks (the {@code it} run uses nginx on port 80).
     */
    record Images(String web, String changedWeb, String api, int webPort, int apiPort, String apiHealthPath) {
        static final Images FAKE = new Images("example/web:1", "example/web:2", "example/api:1", 8080, 3001, "/api/health");
        static final Images NGINX = new Images("nginx:1.27", "nginx:1.28", "nginx:1.27", 80, 80, "/");
    }

    private static final String APP = """
            app: shop
            region: us-east-1
            state: file://.infra/state
            resources:
              vpc:
                type: vpc
                azs: 2
                nat: managed
              cluster:
                type: cluster
                vpc: vpc
              web:
                type: service
                cluster: cluster
                image: "%s"
                cpu: %d
                memory: 1024
                port: %d
                loadBalancer:
                  listen: [80/http]
              api:
                type: service
                cluster: cluster
                image: "%s"
                cpu: 256
                memory: 512
                port: %d
                loadBalancer:
                  listen: [80/http]
                  health: { path: %s }
                  rules: [{ path: "/api/*" }]
                scaling: { min: 1, max: 3, cpu: 70 }
            """;
    private final Path dir;
    private final Images images;
    private final StageCli cli;

    AwsScenario(Path dir, Map<String, String> env, Images images) throws IOException {
        this.dir = dir;
        this.images = images;
        this.cli = new StageCli(dir, env, STAGE);
        write(images.web(), 256);
    }

    private void write(String webImage, int webCpu) throws IOException {
        Files.writeString(dir.resolve("infra.yaml"), APP.formatted(webImage, webCpu, images.webPort(), images.api(),
                images.apiPort(), images.apiHealthPath()));
    }

    Cli.Result run(String... args) {
        return cli.run(args);
    }

    Cli.Result deploy() {
        return cli.ok("deploy", "--yes");
    }

    /** A diff that must find nothing to do, with or without reading AWS first. */
    void assertClean(String... more) {
        cli.assertClean(more);
    }

    /** Changes web's image and cpu; the diff must show exactly those and the service picking up the new revision. */
    void changeImageAndCpu() throws IOException {
        write(images.changedWeb(), 512);
        Cli.Result r = run("diff", "--detailed-exitcode");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).contains("+/- web/taskDefinition").contains("cpu: \"256\" -> \"512\"  # forces replacement")
                .contains(images.web()).contains(images.changedWeb()).contains("  ~ web/service")
                .contains("Plan: 0 to create, 1 to update, 1 to replace, 0 to delete")
                .doesNotContain("api/").doesNotContain("memory:");
    }

    /** How many resource types the recorded state holds. */
    int recordedTypes() {
        Cli.Result r = run("state", "list");
        assertThat(r.code()).as(r.err()).isZero();
        return (int) r.out().lines().map(l -> l.trim().split("\\s+")).filter(w -> w.length > 1 && w[1].matches("(aws|docker)\\.[\\w.]+"))
                .map(w -> w[1]).distinct().count();
    }

    void remove() {
        Cli.Result r = run("remove", "--yes");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(run("state", "list").out()).contains("0 resources");
    }
}

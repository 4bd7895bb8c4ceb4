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
                port: 8080
                loadBalancer:
                  listen: [80/http]
              api:
                type: service
                cluster: cluster
                image: "example/api:1"
                cpu: 256
                memory: 512
                port: 3001
                loadBalancer:
                  listen: [80/http]
                  health: { path: /api/health }
                  rules: [{ path: "/api/*" }]
                scaling: { min: 1, max: 3, cpu: 70 }
            """;
    private final Path dir;
    final Cli cli;

    AwsScenario(Path dir, Map<String, String> env) throws IOException {
        this.dir = dir;
        this.cli = new Cli(dir, env);
        write("example/web:1", 256);
    }

    void write(String webImage, int webCpu) throws IOException {
        Files.writeString(dir.resolve("infra.yaml"), APP.formatted(webImage, webCpu));
    }

    Cli.Result run(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--stage";
        all[args.length + 1] = STAGE;
        all[args.length + 2] = "--no-color";
        return cli.run(all);
    }

    Cli.Result deploy() {
        Cli.Result r = run("deploy", "--yes");
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    /** A diff that must find nothing to do, with or without reading AWS first. */
    void assertClean(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "diff";
        args[1] = "--detailed-exitcode";
        System.arraycopy(more, 0, args, 2, more.length);
        Cli.Result r = run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("No changes.");
    }

    /** Changes web's image and cpu; the diff must show exactly those and the service picking up the new revision. */
    void changeImageAndCpu() throws IOException {
        write("example/web:2", 512);
        Cli.Result r = run("diff", "--detailed-exitcode");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).contains("-/+ web/taskDefinition").contains("cpu: \"256\" -> \"512\"  # forces replacement")
                .contains("example/web:1").contains("example/web:2").contains("  ~ web/service")
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

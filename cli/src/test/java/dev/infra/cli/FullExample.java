package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's full example (the repo's infra.yaml, with a protected stage {@code staging}, and the image sources of
 * example/) in a directory, run through the CLI against its own FakeAws, with the secrets in a .env file. What the
 * end-to-end tests of the full example share; close it to forget the FakeAws.
 */
final class FullExample implements AutoCloseable {
    final Path dir;
    final FakeAws fake;
    private final String name;
    private final Cli cli;

    FullExample(Path dir) throws IOException {
        this(dir, "full-" + UUID.randomUUID());
    }

    /** The full example in {@code dir} on the account of {@code neighbour} (another app, with its own state). */
    FullExample(Path dir, FullExample neighbour) throws IOException {
        this(dir, neighbour.name);
    }

    private FullExample(Path dir, String name) throws IOException {
        this.dir = dir;
        this.name = name;
        this.fake = FakeAws.named(name).pageSize(100);
        this.cli = new Cli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name));
        copy(Path.of("..", "example"), dir.resolve("example"));
        write(200, "max: 4, pauseAfter");
        Files.writeString(dir.resolve(".env"), "SESSION_SECRET=\"s-1\"\nexport STRIPE_SECRET_KEY='sk_test_1'\n");
    }

    /** The endpoint the CLI is pointed at: this example's FakeAws. */
    String endpoint() {
        return FakeAwsOverride.SCHEME + name;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    void write(int rateLimit, String dbScaling) throws IOException {
        write(rateLimit, dbScaling, false);
    }

    void write(int rateLimit, String dbScaling, boolean proxy) throws IOException {
        write(rateLimit, dbScaling, proxy, null);
    }

    /** The repo's infra.yaml with these changes; images are built from source (FakeDocker) unless {@code apiImage} is given. */
    void write(int rateLimit, String dbScaling, boolean proxy, String apiImage) throws IOException {
        String app = Files.readString(Path.of("..", "infra.yaml"));
        if (apiImage != null) app = app.replace("image: { context: example, dockerfile: apps/erp/Dockerfile }", "image: \"example/erp:1\"")
                .replace("image: { context: example, dockerfile: apps/api/Dockerfile }", "image: \"" + apiImage + "\"");
        app = app
                .replace("stages:\n", "stages:\n  staging:\n    protect: true\n")
                .replace("rateLimit: 200", "rateLimit: " + rateLimit)
                .replace("max: 4, pauseAfter", dbScaling)
                .replace("proxy: false", "proxy: " + proxy);
        Files.writeString(dir.resolve("infra.yaml"), app);
    }

    Cli.Result run(String stage, String... args) {
        return cli.run(Stream.concat(Stream.of(args), Stream.of("--stage", stage, "--no-color")).toArray(String[]::new));
    }

    Cli.Result ok(Cli.Result r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    /** Diffs with and without reading AWS first find nothing to do. */
    void clean(String stage) {
        for (String[] args : new String[][] {{"diff", "--detailed-exitcode"}, {"diff", "--detailed-exitcode", "--refresh"}}) {
            Cli.Result r = run(stage, args);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }
    }

    @Override
    public void close() {
        FakeAws.forget(name);
    }
}

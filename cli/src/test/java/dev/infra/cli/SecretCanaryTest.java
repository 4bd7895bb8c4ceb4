package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeSsm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret values never leave the secrets store: every command of the CLI is run, with {@code --verbose} and with
 * {@code --json} (deploy's and remove's event streams too), and diff as markdown, on an app whose secrets hold
 * canary values, including the error paths; no output, saved plan or
 * state file may contain a canary. The one exception is what {@code secrets get} prints on stdout, which is its job.
 */
class SecretCanaryTest {
    private static final String CANARY = "CANARY-3f9d1c";
    @TempDir
    Path dir;
    private String name;
    private FakeAws fake;
    private Cli cli;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        name = "canary-" + UUID.randomUUID();
        fake = FakeAws.named(name).pageSize(100);
        cli = new Cli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name));
        Files.writeString(dir.resolve("infra.yaml"), SecretsOnFakeAwsTest.APP);
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    private Cli.Result run(String... args) {
        return runWithInput("", args);
    }

    private Cli.Result runWithInput(String stdin, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--stage", "prod", "--no-color")).toArray(String[]::new);
        Cli.Result r = cli.runWithInput(stdin, all);
        seen.add(String.join(" ", args).replace(CANARY, "<canary>") + " -> " + r.code() + "\n" + r.out() + "\n" + r.err());
        return r;
    }

    @Test
    void noCommandPrintsOrRecordsASecretValue() throws Exception {
        Files.writeString(dir.resolve("prod.env"), "SESSION_SECRET=\"" + CANARY + "-session\"\nUNUSED='" + CANARY + "-unused'\n");
        Files.writeString(dir.resolve("bad.env"), "OK=" + CANARY + "-ok\nnot a line " + CANARY + "\nQ=\"" + CANARY + "-open\n");
        assertThat(run("secrets", "load", "prod.env", "--dry-run").code()).isZero();
        assertThat(run("secrets", "load", "prod.env", "--verbose").code()).isZero();
        assertThat(runWithInput(CANARY + "-stripe\n", "secrets", "set", "STRIPE_KEY", "--verbose").code()).isZero();
        assertThat(run("secrets", "load", "prod.env", "--dry-run", "--json").code()).isZero();
        assertThat(run("secrets", "load", "bad.env", "--verbose").code()).isEqualTo(2);
        assertThat(run("secrets", "set", "BAD-NAME", CANARY + "-arg", "--verbose").code()).isEqualTo(2);
        assertThat(run("secrets", "set", "EMPTY_ONE", "", "--verbose").code()).isEqualTo(2);
        run("secrets", "list");
        run("secrets", "list", "--json");
        run("validate", "--verbose");
        run("diff", "--out", "plan.json", "--verbose");
        run("diff", "--json");
        assertThat(run("diff", "--format", "markdown", "--out", "plan.json").code()).isZero();
        assertThat(run("deploy", "--plan", "plan.json", "--yes", "--verbose", "--json").code()).isZero();
        run("outputs");
        run("outputs", "--json");
        run("refresh", "--verbose");
        run("diff", "--refresh", "--detailed-exitcode", "--verbose");
        run("state", "list");
        run("state", "show", "web/taskDefinition");
        run("state", "show", "web/executionRole");
        run("state", "show", "web/service", "--json");
        run("state", "lock");
        assertThat(run("diff", "--remove", "--format", "markdown").out()).contains("web/taskDefinition");

        Cli.Result get = cli.run("secrets", "get", "STRIPE_KEY", "--stage", "prod");
        assertThat(get.out()).isEqualTo(CANARY + "-stripe\n");
        assertThat(get.err()).doesNotContain(CANARY);

        assertThat(run("remove", "--yes", "--verbose", "--json").code()).isZero();
        assertThat(run("secrets", "remove", "UNUSED", "--verbose").code()).isZero();

        assertThat(fake.service(FakeSsm.class).valueOf("/shop/prod/SESSION_SECRET")).as("the values did reach SSM").isEqualTo(CANARY + "-session");
        assertThat(seen).hasSizeGreaterThan(20);
        assertThat(seen.stream().filter(out -> out.contains(CANARY)).map(SecretCanaryTest::around).toList()).as("outputs showing a canary").isEmpty();
        assertThat(String.join("\n", seen)).as("the secrets are wired, by reference")
                .contains("arn:aws:ssm:us-east-1:" + FakeAws.ACCOUNT + ":parameter/shop/prod/SESSION_SECRET");
        assertThat(filesWritten()).hasSizeGreaterThan(1).allSatisfy(f -> assertThat(Files.readString(f)).as(f.toString()).doesNotContain(CANARY));
    }

    /** The command and the text around the first canary: enough to find the leak without flooding the report. */
    private static String around(String out) {
        int at = out.indexOf(CANARY);
        return out.substring(0, out.indexOf('\n')) + " ... " + out.substring(Math.max(0, at - 200), Math.min(out.length(), at + 40));
    }

    /** Every file under the project directory but the .env files the test wrote: state, lock history, the saved plan. */
    private List<Path> filesWritten() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".env")).toList();
        }
    }
}

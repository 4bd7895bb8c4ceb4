package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import dev.infra.fixtures.aws.FakeSsm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code secrets} commands and deploy's secrets check, through the SSM store, against FakeAws. */
class SecretsOnFakeAwsTest {
    static final String APP = """
            app: shop
            region: us-east-1
            state: file://.infra/state
            kmsKey: alias/shop-secrets
            secrets: [SESSION_SECRET, STRIPE_KEY, UNUSED]
            resources:
              vpc: { type: vpc, azs: 2, nat: none }
              cluster: { type: cluster, vpc: vpc }
              web:
                type: service
                cluster: cluster
                image: example/web:1
                port: 8080
                loadBalancer: { listen: [80/http] }
                secrets: [SESSION_SECRET, STRIPE_KEY]
            """;
    @TempDir
    Path dir;
    private String name;
    private FakeAws fake;
    private FakeSsm ssm;
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        name = "secrets-" + UUID.randomUUID();
        fake = FakeAws.named(name);
        ssm = fake.service(FakeSsm.class);
        cli = new Cli(dir, Map.of("AWS_ENDPOINT_URL", FakeAwsOverride.SCHEME + name));
        Files.writeString(dir.resolve("infra.yaml"), APP);
    }

    @AfterEach
    void forget() {
        FakeAws.forget(name);
    }

    @Test
    void setGetListRemoveAsSecureStringsAtThePathTemplate() {
        assertThat(cli.run("secrets", "set", "SESSION_SECRET", "v1", "--stage", "prod").code()).isZero();
        assertThat(cli.runWithInput("from stdin\n", "secrets", "set", "STRIPE_KEY", "--stage", "prod").code()).isZero();
        assertThat(ssm.valueOf("/shop/prod/SESSION_SECRET")).isEqualTo("v1");
        assertThat(ssm.valueOf("/shop/prod/STRIPE_KEY")).isEqualTo("from stdin");
        assertThat(ssm.keyIdOf("/shop/prod/STRIPE_KEY")).isEqualTo("alias/shop-secrets");
        assertThat(fake.tagsOf("arn:aws:ssm:us-east-1:" + FakeAws.ACCOUNT + ":parameter/shop/prod/STRIPE_KEY"))
                .containsEntry("infra:app", "shop").containsEntry("infra:stage", "prod");

        assertThat(cli.run("secrets", "set", "SESSION_SECRET", "v2", "--stage", "prod").code()).as("overwrite").isZero();
        assertThat(cli.run("secrets", "get", "SESSION_SECRET", "--stage", "prod").out()).isEqualTo("v2\n");
        Cli.Result list = cli.run("secrets", "list", "--stage", "prod");
        assertThat(list.out()).contains("SESSION_SECRET").contains("STRIPE_KEY").contains("UNUSED").contains("NOT SET")
                .doesNotContain("v2").doesNotContain("from stdin");
        assertThat(cli.run("secrets", "list", "--stage", "dev").out()).as("another stage sees none").doesNotContain("  prod");

        assertThat(cli.run("secrets", "remove", "STRIPE_KEY", "--stage", "prod").code()).isZero();
        assertThat(ssm.valueOf("/shop/prod/STRIPE_KEY")).isNull();
        Cli.Result again = cli.run("secrets", "remove", "STRIPE_KEY", "--stage", "prod");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("STRIPE_KEY is not set for stage prod");
    }

    @Test
    void loadChecksTheWholeFileFirstAndDryRunWritesNothing() throws Exception {
        cli.run("secrets", "set", "SESSION_SECRET", "same", "--stage", "prod");
        cli.run("secrets", "set", "STRIPE_KEY", "old", "--stage", "prod");
        Files.writeString(dir.resolve("prod.env"), "SESSION_SECRET=same\nSTRIPE_KEY=new\nNEW_ONE=\"x\"\n");
        Cli.Result dry = cli.run("secrets", "load", "prod.env", "--dry-run", "--stage", "prod");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out() + dry.err()).contains("would be created (1): NEW_ONE").contains("would be changed (1): STRIPE_KEY")
                .contains("unchanged (1): SESSION_SECRET").doesNotContain("new\n").doesNotContain("old");
        assertThat(ssm.valueOf("/shop/prod/STRIPE_KEY")).isEqualTo("old");
        assertThat(ssm.valueOf("/shop/prod/NEW_ONE")).isNull();

        fake.calls().clear();
        Cli.Result load = cli.run("secrets", "load", "prod.env", "--stage", "prod");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(ssm.valueOf("/shop/prod/STRIPE_KEY")).isEqualTo("new");
        assertThat(ssm.valueOf("/shop/prod/NEW_ONE")).isEqualTo("x");
        assertThat(fake.calls().counts()).as("one batched read, no write of the unchanged value; a change is a tagged put that finds it exists, then an overwrite")
                .containsEntry("ssm:GetParameters", 1).containsEntry("ssm:PutParameter", 3);

        Files.writeString(dir.resolve("bad.env"), "A=1\nB 2\nC=\"3\n");
        fake.calls().clear();
        Cli.Result bad = cli.run("secrets", "load", "bad.env", "--stage", "prod");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.env:2: expected NAME=value").contains("bad.env:3: the double quote");
        assertThat(fake.calls().all()).as("nothing is written, nothing is even read").isEmpty();
    }

    @Test
    void deployListsEveryMissingSecretBeforeAnyChange() {
        cli.run("secrets", "set", "UNUSED", "x", "--stage", "prod");
        fake.calls().clear();
        Cli.Result r = cli.run("deploy", "--yes", "--stage", "prod");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("stage prod is missing 2 secrets: SESSION_SECRET, STRIPE_KEY").contains("nothing was changed");
        assertThat(fake.calls().all()).as("only the secrets listing ran").allMatch(op -> op.equals("ssm:DescribeParameters"));
        assertThat(dir.resolve(".infra/state")).doesNotExist();
    }
}

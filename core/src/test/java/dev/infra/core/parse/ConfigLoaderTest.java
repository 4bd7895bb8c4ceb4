package dev.infra.core.parse;

import dev.infra.core.diag.Diagnostic;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.model.AppConfig;
import dev.infra.core.model.AuroraDef;
import dev.infra.core.model.ServiceDef;
import dev.infra.core.model.VpcDef;
import dev.infra.core.model.WafDef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {
    static final Path EXAMPLE = Path.of("..", "infra.yaml");

    @Test
    void exampleLoadsForDevWithDefaults() {
        AppConfig c = ConfigLoader.load(EXAMPLE, "dev", Map.of());
        assertThat(c.app()).isEqualTo("carbon");
        assertThat(c.region()).isEqualTo("us-east-1");
        assertThat(c.protect()).isFalse();
        assertThat(c.state()).isEqualTo("file://.infra/state");
        assertThat(c.secretsPath()).isEqualTo("/{app}/{stage}/{name}");
        assertThat(c.resources().keySet()).containsExactly("vpc", "cluster", "db", "erp", "api", "firewall");
        VpcDef vpc = (VpcDef) c.resources().get("vpc");
        assertThat(vpc.nat()).isEqualTo(VpcDef.NatMode.EC2);
        ServiceDef api = (ServiceDef) c.resources().get("api");
        assertThat(api.deployment().strategy()).isEqualTo(ServiceDef.Deployment.Strategy.BLUE_GREEN);
        assertThat(api.deployment().terminationWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(api.loadBalancer().health().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(api.loadBalancer().rules()).containsExactly(new ServiceDef.Rule("/api/*"));
        ServiceDef erp = (ServiceDef) c.resources().get("erp");
        assertThat(erp.environment()).containsEntry("API_URL", "${api.url}");
        assertThat(erp.image().isBuild()).isTrue();
        WafDef waf = (WafDef) c.resources().get("firewall");
        assertThat(waf.rateWindowSeconds()).isEqualTo(300);
        assertThat(c.sources().at("resources.erp.cpu").line()).isEqualTo(48);
    }

    @Test
    void productionMergesOverridesAndTakesItsRegion() {
        AppConfig c = ConfigLoader.load(EXAMPLE, "production", Map.of());
        assertThat(c.region()).isEqualTo("us-gov-east-1");
        assertThat(c.protect()).isTrue();
        VpcDef vpc = (VpcDef) c.resources().get("vpc");
        assertThat(vpc.nat()).isEqualTo(VpcDef.NatMode.MANAGED);
        assertThat(vpc.bastion()).isFalse();
        assertThat(vpc.azs()).as("untouched keys survive the merge").isEqualTo(2);
        AuroraDef db = (AuroraDef) c.resources().get("db");
        assertThat(db.replicas()).isEqualTo(1);
        assertThat(db.scaling().min()).isEqualTo(0.5);
        assertThat(db.scaling().max()).isEqualTo(16);
        assertThat(db.scaling().pauseAfter()).isEqualTo(Duration.ofMinutes(20));
        assertThat(c.sources().at("resources.db.replicas").line()).as("merged value points at the override").isEqualTo(13);
    }

    @Test
    void globStageMatches() {
        AppConfig c = ConfigLoader.load(EXAMPLE, "preview-42", Map.of());
        AuroraDef db = (AuroraDef) c.resources().get("db");
        assertThat(db.scaling().max()).isEqualTo(2);
        assertThat(c.region()).isEqualTo("us-east-1");
    }

    private static List<Diagnostic> errors(String yaml) {
        return catchThrowableOfType(InvalidInputException.class,
                () -> ConfigLoader.loadString(yaml, "infra.yaml", "dev", Map.of("HOME_URL", "https://x"))).diagnostics();
    }

    private static final String HEAD = "app: carbon\nregion: us-east-1\n";

    @Test
    void reportsEveryShapeProblemTogetherWithPositionsAndHints() {
        List<Diagnostic> d = errors(HEAD + """
                resources:
                  vpc:
                    type: vpc
                    cidrr: 10.0.0.0/16
                    azs: two
                  web:
                    type: servise
                """);
        assertThat(d).extracting(Diagnostic::path).containsExactly("resources.vpc.cidrr", "resources.vpc.azs", "resources.web.type");
        assertThat(d.get(0).hint()).isEqualTo("did you mean 'cidr'?");
        assertThat(d.get(0).pos().toString()).isEqualTo("infra.yaml:6:5");
        assertThat(d.get(1).summary()).isEqualTo("expected a whole number, found 'two'");
        assertThat(d.get(2).hint()).isEqualTo("did you mean 'service'?");
        assertThat(d.get(2).render()).isEqualTo("infra.yaml:9:11: error: unknown resource type 'servise' [resources.web.type] (did you mean 'service'?)");
    }

    @Test
    void reportsSemanticProblemsTogether() {
        List<Diagnostic> d = errors("app: Carbon\nregion: us-est-1\nsecrets: [TOKEN]\n" + """
                resources:
                  net:
                    type: vpc
                    cidr: 10.0.0.1/16
                  cl:
                    type: cluster
                    vpc: nett
                  web:
                    type: service
                    cluster: net
                    image: nginx:1.27
                    cpu: 256
                    memory: 4096
                    port: 70000
                    loadBalancer: { listen: [443/https] }
                    environment: { A: "${db.host}", B: "${cl.colour}" }
                    secrets: [TOKEN, MISSING]
                """);
        assertThat(d).extracting(Diagnostic::summary).contains(
                "bad app name 'Carbon'", "unknown region 'us-est-1'", "'10.0.0.1/16' is not a network CIDR",
                "'nett' is not a resource", "'net' is a vpc, expected a cluster",
                "cpu 256 with memory 4096 is not a Fargate size", "port 70000 is out of range",
                "an https listener needs a certificate", "reference ${db.host} names no resource",
                "a cluster has no attribute 'colour'", "secret MISSING is not declared");
        assertThat(d).filteredOn(x -> x.summary().startsWith("unknown region")).first()
                .extracting(Diagnostic::hint).isEqualTo("did you mean 'us-east-1'?");
        assertThat(d).filteredOn(x -> x.summary().startsWith("cpu 256")).first()
                .satisfies(x -> assertThat(x.pos().line()).isEqualTo(16));
    }

    @Test
    void duplicateKeysAndSyntaxErrorsArePositioned() {
        List<Diagnostic> d = errors(HEAD + "resources:\n  a:\n    type: vpc\n    azs: 2\n    azs: 3\n");
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.summary()).isEqualTo("duplicate key 'azs' (first at line 6)");
            assertThat(x.pos().line()).isEqualTo(7);
        });
        assertThat(errors(HEAD + "resources: [\n").get(0).summary()).startsWith("YAML syntax");
    }

    @Test
    void aliasBombIsRefusedNotExpanded() {
        StringBuilder y = new StringBuilder(HEAD + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            y.append("]\n");
        }
        assertThat(errors(y.toString()).get(0).summary()).containsAnyOf("YAML refused", "alias");
    }

    @Test
    void hugeFileIsRefused() {
        String big = HEAD + "# " + "x".repeat(YamlTree.MAX_BYTES) + "\n";
        assertThat(errors(big).get(0).summary()).isEqualTo("file is larger than 1 MiB");
    }

    @Test
    void interpolatesStageVariablesAndRejectsMisplacedReferences() {
        AppConfig c = ConfigLoader.loadString(HEAD + "resources:\n  c:\n    type: cluster\n    vpc: v\n  v:\n    type: vpc\n"
                + "  s:\n    type: service\n    cluster: c\n    image: repo/${app}:${stage}\n"
                + "    environment: { HOME: \"${env.HOME_URL}\", REGION: \"${region}\" }\n", "infra.yaml", "dev",
                Map.of("HOME_URL", "https://x"));
        ServiceDef s = (ServiceDef) c.resources().get("s");
        assertThat(s.image().uri()).isEqualTo("repo/carbon:dev");
        assertThat(s.environment()).containsEntry("HOME", "https://x").containsEntry("REGION", "us-east-1");
        List<Diagnostic> d = errors(HEAD + "secrets: [TOKEN]\nresources:\n  v:\n    type: vpc\n    cidr: \"${v.id}\"\n"
                + "  c:\n    type: cluster\n    vpc: v\n  s:\n    type: service\n    cluster: c\n    image: x\n"
                + "    environment: { T: \"${TOKEN}\", U: \"${env.NOPE}\" }\n");
        assertThat(d).extracting(Diagnostic::summary).containsExactly(
                "reference ${v.id} is only allowed in a service's environment values",
                "secret TOKEN cannot be interpolated: secrets are never put in plaintext fields",
                "environment variable NOPE is not set");
    }

    @Test
    void linkCycleIsNamed() {
        List<Diagnostic> d = errors(HEAD + "resources:\n  v: { type: vpc }\n  c: { type: cluster, vpc: v }\n"
                + "  a: { type: service, cluster: c, image: x, link: [b] }\n  b: { type: service, cluster: c, image: x, link: [a] }\n");
        assertThat(d).extracting(Diagnostic::summary).containsExactly("dependency cycle: a -> b -> a");
    }

    @Test
    void secretsPathMustNameEachSecretOnceInItsLastSegment() {
        for (String bad : List.of("/{app}/{stage}", "/{name}/{stage}", "{app}/{name}", "/{app}/{name}/{name}", "/a b/{name}"))
            assertThat(errors(HEAD + "secretsPath: \"" + bad + "\"\nresources: {}\n")).as(bad)
                    .extracting(Diagnostic::summary).containsExactly("bad secrets path '" + bad + "'");
        assertThat(ConfigLoader.loadString(HEAD + "secretsPath: /{stage}/{app}/{name}\nresources: {}\n", "infra.yaml", "dev", Map.of())
                .secretsPath()).isEqualTo("/{stage}/{app}/{name}");
    }

    @Test
    void overrideOfUnknownResourceAndBadStageAreReported() {
        List<Diagnostic> d = errors(HEAD + "stages:\n  dev:\n    overrides:\n      vcp: { azs: 3 }\nresources:\n  vpc: { type: vpc }\n");
        assertThat(d).singleElement().extracting(Diagnostic::hint).isEqualTo("did you mean 'vpc'?");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> ConfigLoader.loadString(HEAD + "resources: {}\n", "f", "Bad_Stage", Map.of())).getMessage())
                .contains("bad stage name 'Bad_Stage'");
    }

    private static List<Diagnostic> aurora(String engine, String version, String scaling) {
        return errors(HEAD + "resources:\n  vpc: { type: vpc }\n  db:\n    type: aurora\n    vpc: vpc\n    engine: " + engine
                + "\n    version: \"" + version + "\"\n    scaling: " + scaling + "\n");
    }

    @Test
    void minZeroAcusNeedsAnAuroraVersionWithAutoPause() {
        for (String old : List.of("16.2", "15.6", "14.11", "13.14", "12.22")) {
            assertThat(aurora("postgres", old, "{ min: 0, max: 4 }")).as(old).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("resources.db.scaling.min");
                assertThat(d.summary()).isEqualTo("min 0 ACUs (auto-pause) is not available on Aurora PostgreSQL " + old);
                assertThat(d.hint()).startsWith("use min 0.5, or version Aurora PostgreSQL 13.15, 14.12, 15.7, 16.3");
                assertThat(d.pos().line()).as("the scaling line").isEqualTo(10);
            });
        }
        assertThat(aurora("mysql", "8.0.mysql_aurora.3.07.1", "{ min: 0, max: 4 }")).singleElement().extracting(Diagnostic::summary)
                .isEqualTo("min 0 ACUs (auto-pause) is not available on Aurora MySQL 8.0.mysql_aurora.3.07.1");
        for (String[] ok : new String[][] {{"postgres", "16.3"}, {"postgres", "13.15"}, {"postgres", "17.4"}, {"mysql", "8.0.mysql_aurora.3.08.0"},
                {"mysql", "8.0.mysql_aurora.3.10.1"}})
            assertThat(ConfigLoader.loadString(HEAD + "resources:\n  vpc: { type: vpc }\n  db:\n    type: aurora\n    vpc: vpc\n    engine: " + ok[0]
                    + "\n    version: \"" + ok[1] + "\"\n    scaling: { min: 0, max: 4 }\n", "infra.yaml", "dev", Map.of()).resources()).as(ok[1]).containsKey("db");
        assertThat(ConfigLoader.loadString(HEAD + "resources:\n  vpc: { type: vpc }\n  db:\n    type: aurora\n    vpc: vpc\n    version: \"16.2\"\n"
                + "    scaling: { min: 0.5, max: 4 }\n", "infra.yaml", "dev", Map.of()).resources()).as("min 0.5 runs on any version").containsKey("db");
    }

    @Test
    void autoPauseDelayMustBeFiveMinutesToADay() {
        for (String bad : List.of("4m", "299s", "25h"))
            assertThat(aurora("postgres", "17.4", "{ min: 0, max: 4, pauseAfter: " + bad + " }")).as(bad).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("resources.db.scaling.pauseAfter");
                assertThat(d.summary()).isEqualTo("pauseAfter must be 5m to 24h");
            });
        for (String ok : List.of("5m", "300s", "24h"))
            assertThat(ConfigLoader.loadString(HEAD + "resources:\n  vpc: { type: vpc }\n  db:\n    type: aurora\n    vpc: vpc\n"
                    + "    scaling: { min: 0, max: 4, pauseAfter: " + ok + " }\n", "infra.yaml", "dev", Map.of()).resources()).as(ok).containsKey("db");
    }
}

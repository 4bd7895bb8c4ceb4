package dev.infra.core.component;

import dev.infra.core.model.AppConfig;
import dev.infra.core.parse.ConfigLoader;
import dev.infra.core.ref.Ref;
import dev.infra.core.ref.Refs;
import dev.infra.core.testing.Golden;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ExpanderTest {
    static final Path EXAMPLE = Path.of("..", "infra.yaml");

    static DesiredApp example(String stage) {
        return Expander.expand(ConfigLoader.load(EXAMPLE, stage, Map.of()));
    }

    @Test
    void exampleGraphMatchesGolden() {
        Golden.assertMatches("example-dev.graph", example("dev").graph().render());
    }

    @Test
    void everyRefPointsAtAnOutputTheTypeDeclares() {
        DesiredApp app = example("production");
        Map<String, String> typeOf = app.resources().stream().collect(Collectors.toMap(DesiredResource::address, DesiredResource::type));
        for (DesiredResource r : app.resources()) {
            Refs.forEach(r.inputs(), ref -> assertThat(app.schemas().get(typeOf.get(ref.address())).outputs())
                    .as("%s reads %s", r.address(), ref).contains(ref.attribute()));
        }
        Refs.forEach(app.outputs(), ref -> assertThat(typeOf).containsKey(ref.address()));
    }

    @Test
    void resourcesComeInDependencyOrder() {
        DesiredApp app = example("dev");
        List<String> order = app.resources().stream().map(DesiredResource::address).toList();
        for (DesiredResource r : app.resources())
            for (String dep : app.graph().dependenciesOf(r.address()))
                assertThat(order.indexOf(dep)).as("%s before %s", dep, r.address()).isLessThan(order.indexOf(r.address()));
    }

    @Test
    void natModesExpandDifferently() {
        assertThat(types(vpcApp("none"))).doesNotContain("aws.ec2.NatGateway", "aws.ec2.Instance");
        assertThat(types(vpcApp("managed")).stream().filter("aws.ec2.NatGateway"::equals)).hasSize(3);
        assertThat(types(vpcApp("ec2")).stream().filter("aws.ec2.Instance"::equals)).hasSize(1);
    }

    @Test
    void whatHoldsAPublicAddressDependsOnTheInternetGateway() {
        DesiredApp managed = vpcApp("managed");
        assertThat(managed.graph().dependenciesOf("vpc/natGateway1")).contains("vpc/internetGateway");
        assertThat(managed.graph().dependenciesOf("vpc/natEip2")).contains("vpc/internetGateway");
        assertThat(vpcApp("ec2").graph().dependenciesOf("vpc/natInstance")).contains("vpc/internetGateway");
        assertThat(example("dev").graph().dependenciesOf("vpc/bastion")).contains("vpc/internetGateway");
    }

    private static DesiredApp vpcApp(String nat) {
        String yaml = "app: net\nregion: us-east-1\nresources:\n  vpc:\n    type: vpc\n    azs: 3\n    nat: " + nat + "\n";
        return Expander.expand(ConfigLoader.loadString(yaml, "infra.yaml", "dev", Map.of()));
    }

    private static List<String> types(DesiredApp app) {
        return app.resources().stream().map(DesiredResource::type).toList();
    }

    @Test
    void linkedServiceGetsDatabaseIngressAndSecretAccess() {
        DesiredApp app = example("dev");
        assertThat(app.graph().nodes()).contains("db/ingressFrom-erp").doesNotContain("db/ingressFrom-api");
        DesiredResource ingress = find(app, "db/ingressFrom-erp");
        assertThat(ingress.inputs().get("sourceSecurityGroupId")).isEqualTo(new Ref("erp/securityGroup", "id"));
        assertThat(Refs.addresses(find(app, "erp/executionRole").inputs())).contains("db/cluster");
        assertThat(Refs.addresses(find(app, "api/executionRole").inputs())).doesNotContain("db/cluster");
    }

    @Test
    void longNamesAreCutWithAStableHash() {
        String name = Naming.physical("a-very-long-application-name", "preview-12345", "frontend", "", Naming.ALB);
        assertThat(name).hasSize(Naming.ALB).isEqualTo(Naming.physical("a-very-long-application-name", "preview-12345", "frontend", "", Naming.ALB));
        assertThat(name).isNotEqualTo(Naming.physical("a-very-long-application-name", "preview-12346", "frontend", "", Naming.ALB));
        assertThat(Naming.physical("app", "dev", "web", "", Naming.ALB)).isEqualTo("app-dev-web");
    }

    @Test
    void contentDigestFollowsSourceAndDockerignore(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve("app.js"), "1");
        String first = ContentDigest.of(dir, "Dockerfile");
        Files.writeString(dir.resolve(".dockerignore"), "*.log\n");
        Files.writeString(dir.resolve("debug.log"), "noise");
        String withIgnored = ContentDigest.of(dir, "Dockerfile");
        Files.writeString(dir.resolve("app.js"), "2");
        assertThat(ContentDigest.of(dir, "Dockerfile")).isNotEqualTo(withIgnored);
        assertThat(withIgnored).isNotEqualTo(first); // .dockerignore itself is part of the context
        Files.writeString(dir.resolve("debug.log"), "other noise");
        assertThat(ContentDigest.of(dir, "Dockerfile")).isEqualTo(ContentDigest.of(dir, "Dockerfile"));
    }

    @Test
    void infrasOwnStateDirectoryNeverChangesTheDigest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        String before = ContentDigest.of(dir, "Dockerfile");
        Files.createDirectories(dir.resolve(".infra/state/app/dev"));
        Files.writeString(dir.resolve(".infra/state/app/dev/state.json"), "{\"serial\": 7}");
        assertThat(ContentDigest.of(dir, "Dockerfile")).as("a deploy writing file state must not look like a source change").isEqualTo(before);
    }

    @Test
    void everyEmittedTypeHasASchema() {
        assertThat(ResourceTypes.all().keySet()).containsAll(example("production").schemas().keySet());
    }

    @Test
    void expansionIsDeterministic() {
        assertThat(example("dev").resources()).isEqualTo(example("dev").resources());
    }

    static DesiredResource find(DesiredApp app, String address) {
        return app.resources().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
    }
}

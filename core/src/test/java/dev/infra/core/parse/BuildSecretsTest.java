package dev.infra.core.parse;

import dev.infra.core.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildSecretsTest {
    private static final String APP = """
            app: shop
            region: us-east-1
            resources:
              vpc: { type: vpc }
              cluster: { type: cluster, vpc: vpc }
              web:
                type: service
                cluster: cluster
                image: { context: ., dockerfile: Dockerfile }
                port: 3000
            """;

    @TempDir
    Path dir;

    private void load() {
        ConfigLoader.loadString(APP, "infra.yaml", "dev", Map.of(), dir);
    }

    @Test
    void aDotEnvTheBuildWouldSendIsRefusedAtValidation() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".env"), "STRIPE_SECRET_KEY=sk_live_1\n");
        assertThatThrownBy(this::load).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("build context . includes .env, which .dockerignore does not exclude")
                .hasMessageContaining("add .env and .env.* to ./.dockerignore").hasMessageNotContaining("sk_live_1");
        Files.writeString(dir.resolve(".dockerignore"), ".env\n.env.*\n");
        load();
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/.env.production"), "X=1\n");
        assertThatThrownBy(this::load).hasMessageContaining("includes config/.env.production");
    }

    /** What the check looks at is exactly what the build sends: any depth, node_modules too when it is not ignored. */
    @Test
    void aDotEnvAnywhereTheBuildSendsIsFoundAndOneItIgnoresIsNot() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), "tmp\n");
        Path deep = Files.createDirectories(dir.resolve("a/b/c/d/e"));
        Files.writeString(deep.resolve(".env"), "X=1\n");
        assertThatThrownBy(this::load).hasMessageContaining("includes a/b/c/d/e/.env");
        Files.delete(deep.resolve(".env"));
        Files.createDirectories(dir.resolve("node_modules/pkg"));
        Files.writeString(dir.resolve("node_modules/pkg/.env"), "X=1\n");
        assertThatThrownBy(this::load).hasMessageContaining("includes node_modules/pkg/.env");
        Files.writeString(dir.resolve(".dockerignore"), "node_modules\n");
        load();
    }

    @Test
    void examplesAndInfrasOwnFilesAreNotSecrets() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".env.example"), "STRIPE_SECRET_KEY=\n");
        Files.createDirectories(dir.resolve(".infra"));
        Files.writeString(dir.resolve(".infra/.env"), "not read\n");
        load();
        assertThat(BuildSecrets.secretFile(".env")).isTrue();
        assertThat(BuildSecrets.secretFile(".env.local")).isTrue();
        assertThat(BuildSecrets.secretFile(".env.sample")).isFalse();
        assertThat(BuildSecrets.secretFile(".envrc")).isFalse();
    }
}

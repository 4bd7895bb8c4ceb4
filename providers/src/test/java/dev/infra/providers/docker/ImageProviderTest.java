package dev.infra.providers.docker;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageProviderTest {
    private final ProviderFixture f = new ProviderFixture();
    @TempDir
    Path context;
    private ResourceHandle repo;

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(context.resolve("apps/web"));
        Files.writeString(context.resolve("apps/web/Dockerfile"), "FROM scratch\n");
        repo = f.create("web/repository", "aws.ecr.Repository", Map.of("repositoryName", "shop-dev-web", "imageTagMutability", "IMMUTABLE",
                "scanOnPush", true, "encryptionType", "AES256"));
    }

    private Map<String, Object> image(String contentDigest) {
        return Map.of("context", context.toString(), "dockerfile", "apps/web/Dockerfile", "contentDigest", contentDigest,
                "repositoryUrl", f.out(repo, "repositoryUrl"), "platform", "linux/amd64");
    }

    private static String digest(char c) {
        return "sha256:" + String.valueOf(c).repeat(64);
    }

    @Test
    void anImageIsBuiltOncePerSourceDigestAndTaggedWithIt() {
        FakeDocker docker = FakeDocker.of(f.fake);
        ResourceHandle img = f.create("web/image", "docker.Image", image(digest('a')));
        assertThat(img.physicalId()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-dev-web:src-" + "a".repeat(32));
        assertThat(f.out(img, "digest")).startsWith("sha256:");
        assertThat(docker.builds()).extracting(DockerEngine.Build::platform).containsExactly("linux/amd64");

        ResourceHandle again = f.create("web/image", "docker.Image", image(digest('a')));
        assertThat(again.physicalId()).isEqualTo(img.physicalId());
        assertThat(docker.builds()).as("the tag is in ECR already: no second build").hasSize(1);

        ResourceHandle changed = f.updated(img, image(digest('b')));
        assertThat(changed.physicalId()).endsWith(":src-" + "b".repeat(32));
        assertThat(docker.builds()).hasSize(2);

        f.fake.calls().clear();
        assertThat(f.provider("docker.Image").read(List.of(img, changed))).containsOnlyKeys("web/image");
        assertThat(f.fake.calls().counts()).containsEntry("ecr:DescribeImages", 1);
    }

    @Test
    void theImageIsGoneWhenItsRepositoryIs() {
        ResourceHandle img = f.create("web/image", "docker.Image", image(digest('c')));
        f.provider("docker.Image").delete(img);
        assertThat(f.provider("docker.Image").read(List.of(img))).as("delete keeps the image").containsKey("web/image");
        f.provider("aws.ecr.Repository").delete(repo);
        assertThat(f.provider("docker.Image").read(List.of(img))).isEmpty();
    }

    @Test
    void withoutAnEngineTheErrorNamesDockerHost() {
        DockerJavaEngine none = new DockerJavaEngine("tcp://127.0.0.1:1");
        assertThatThrownBy(() -> none.buildAndPush(new DockerEngine.Build(context, "apps/web/Dockerfile", "linux/amd64", "r/x:1"),
                new DockerEngine.RegistryAuth("AWS", "secret-password", "https://r"), w -> { }))
                .isInstanceOf(DockerJavaEngine.NoEngineException.class)
                .hasMessage("no Docker engine reachable at tcp://127.0.0.1:1 to build r/x:1 (start one, or set DOCKER_HOST to a running engine)")
                .hasMessageNotContaining("secret-password");
    }

    @Test
    void thePreflightCheckSaysWhyBeforeAnyBuild() {
        assertThat(new DockerJavaEngine("tcp://127.0.0.1:1").unreachable())
                .contains("no Docker engine reachable at tcp://127.0.0.1:1 to build images (start one, or set DOCKER_HOST to a running engine)");
        assertThat(f.provider("docker.Image").unavailable()).as("FakeDocker is always there").isEmpty();
    }
}

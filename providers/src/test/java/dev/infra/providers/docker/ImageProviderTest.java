package dev.infra.providers.docker;

import dev.infra.core.component.ContentDigest;
import dev.infra.core.component.ImageTag;

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

    private String digest() {
        return ContentDigest.of(context, "apps/web/Dockerfile");
    }

    private static String tag(String digest) {
        return ImageTag.of(digest);
    }

    @Test
    void anImageIsBuiltOncePerSourceDigestAndTaggedWithIt() throws Exception {
        FakeDocker docker = FakeDocker.of(f.fake);
        String first = digest();
        ResourceHandle img = f.create("web/image", "docker.Image", image(first));
        assertThat(img.physicalId()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-dev-web:" + tag(first));
        assertThat(f.out(img, "digest")).startsWith("sha256:");
        assertThat(docker.builds()).extracting(DockerEngine.Build::platform).containsExactly("linux/amd64");

        ResourceHandle again = f.create("web/image", "docker.Image", image(first));
        assertThat(again.physicalId()).isEqualTo(img.physicalId());
        assertThat(docker.builds()).as("the tag is in ECR already: no second build").hasSize(1);

        Files.writeString(context.resolve("apps/web/app.js"), "2");
        String second = digest();
        ResourceHandle changed = f.updated(img, image(second));
        assertThat(changed.physicalId()).endsWith(":" + tag(second)).isNotEqualTo(img.physicalId());
        assertThat(docker.builds()).hasSize(2);

        f.fake.calls().clear();
        assertThat(f.provider("docker.Image").read(List.of(img, changed))).containsOnlyKeys("web/image");
        assertThat(f.fake.calls().counts()).containsEntry("ecr:DescribeImages", 1);
    }

    @Test
    void aContextEditedAfterThePlanIsNotPushedUnderThePlannedTag() throws Exception {
        String planned = digest();
        Files.writeString(context.resolve("apps/web/app.js"), "edited after the plan");
        assertThatThrownBy(() -> f.create("web/image", "docker.Image", image(planned))).hasMessageContaining("changed since the plan was made");
    }

    @Test
    void theImageIsGoneWhenItsRepositoryIs() {
        ResourceHandle img = f.create("web/image", "docker.Image", image(digest()));
        f.provider("docker.Image").delete(img);
        assertThat(f.provider("docker.Image").read(List.of(img))).as("delete keeps the image").containsKey("web/image");
        f.provider("aws.ecr.Repository").delete(repo);
        assertThat(f.provider("docker.Image").read(List.of(img))).isEmpty();
    }

    @Test
    void withoutAnEngineTheErrorNamesDockerHost() {
        DockerJavaEngine none = new DockerJavaEngine("tcp://127.0.0.1:1");
        assertThatThrownBy(() -> none.buildAndPush(new DockerEngine.Build(context, "apps/web/Dockerfile", "linux/amd64", "r/x:1", "sha256:0"),
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

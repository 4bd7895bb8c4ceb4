package dev.infra.providers.ecr;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryProviderTest {
    private final ProviderFixture f = new ProviderFixture();

    private static Map<String, Object> inputs(String name, boolean scan) {
        return Map.of("repositoryName", name, "imageTagMutability", "IMMUTABLE", "scanOnPush", scan, "encryptionType", "AES256");
    }

    @Test
    void repositoriesAreCreatedReadInOneCallUpdatedAndDeleted() {
        ResourceHandle web = f.create("web/repository", "aws.ecr.Repository", inputs("shop-dev-web", true));
        ResourceHandle api = f.create("api/repository", "aws.ecr.Repository", inputs("shop-dev-api", true));
        assertThat(f.out(web, "repositoryUrl")).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-dev-web");
        f.fake.calls().clear();
        var read = f.provider("aws.ecr.Repository").read(List.of(web, api));
        assertThat(read.get("web/repository").inputs()).isEqualTo(inputs("shop-dev-web", true));
        assertThat(f.fake.calls().all()).containsExactly("ecr:DescribeRepositories");

        ResourceHandle updated = f.updated(web, inputs("shop-dev-web", false));
        assertThat(f.provider("aws.ecr.Repository").read(List.of(updated)).get("web/repository").inputs()).containsEntry("scanOnPush", false);
        f.provider("aws.ecr.Repository").delete(api);
        f.provider("aws.ecr.Repository").delete(api);
        assertThat(f.provider("aws.ecr.Repository").read(List.of(web, api))).containsOnlyKeys("web/repository");
        assertThat(f.provider("aws.ecr.Repository").listTagged(f.stage)).extracting(ResourceHandle::address).containsExactly("web/repository");
        assertThat(f.provider("aws.ecr.Repository").listTagged(new StageContext("shop", "prod", "us-east-1", false))).isEmpty();
    }

    @Test
    void aNameTakenIsAdoptedOnlyWhenTheTagsProveItOurs() {
        ResourceHandle web = f.create("web/repository", "aws.ecr.Repository", inputs("shop-dev-web", true));
        var again = f.request("web/repository", "aws.ecr.Repository", inputs("shop-dev-web", true));
        assertThatThrownBy(() -> f.provider("aws.ecr.Repository").create(again)).isInstanceOf(AlreadyExistsException.class);
        assertThat(f.provider("aws.ecr.Repository").findExisting(again)).map(a -> a.physicalId()).contains(web.physicalId());
        assertThat(f.provider("aws.ecr.Repository").findExisting(f.request("api/repository", "aws.ecr.Repository",
                inputs("shop-dev-web", true)))).isEmpty();
    }

    @Test
    void throttlingAndAServerErrorAreRetried() {
        f.fake.faults().throttle(0.3).failAt("ecr:CreateRepository", 1);
        ResourceHandle web = f.create("web/repository", "aws.ecr.Repository", inputs("shop-dev-web", true));
        assertThat(f.provider("aws.ecr.Repository").read(List.of(web))).containsKey("web/repository");
        f.provider("aws.ecr.Repository").delete(web);
        assertThat(f.fake.calls().count("ecr:CreateRepository")).isGreaterThanOrEqualTo(2);
    }
}

package dev.infra.providers.docker;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.component.ImageTag;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Batches;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docker.Image: an image built from a context and pushed to its ECR repository, tagged with the context's content
 * digest, so an unchanged source plans no change and a changed one one update (a new tag, hence a new task
 * definition). A tag already in ECR (pushed by an earlier run, another machine or CI) is not built again. Deleting
 * keeps the image: the repository's deletion (or its lifecycle policy) takes images away, and a rollback may need it.
 */
final class ImageProvider implements ResourceProvider {
    private static final int BATCH = 100;
    private final Aws aws;

    ImageProvider(Aws aws) {
        this.aws = aws;
    }

    private EcrClient ecr() {
        return aws.client(EcrClient.class, EcrClient::builder);
    }

    @Override
    public Optional<String> unavailable() {
        return engine().unreachable();
    }

    private DockerEngine engine() {
        return aws.clients().other(DockerEngine.class, () -> new DockerJavaEngine(null));
    }

    @Override
    public String type() {
        return DockerProviders.IMAGE.type();
    }

    /** The source's tag ({@link ImageTag}): the planner predicts the image URI with the same rule. */
    static String tag(ResourceRequest r) {
        return ImageTag.of(Props.str(r.inputs(), "contentDigest"));
    }

    private static String repository(String url) {
        return url.substring(url.indexOf('/') + 1);
    }

    @Override
    public Applied create(ResourceRequest r) {
        Optional<Applied> pushed = findExisting(r);
        if (pushed.isPresent()) return pushed.get();
        String target = Props.str(r.inputs(), "repositoryUrl") + ":" + tag(r);
        DockerEngine.Build build = new DockerEngine.Build(aws.clients().baseDir().resolve(Props.str(r.inputs(), "context")).normalize(),
                Props.str(r.inputs(), "dockerfile", "Dockerfile"), Props.str(r.inputs(), "platform", "linux/amd64"), target,
                Props.str(r.inputs(), "contentDigest"));
        String digest = engine().buildAndPush(build, auth(), r.waits());
        return applied(target, digest);
    }

    private DockerEngine.RegistryAuth auth() {
        AuthorizationData data = aws.call(() -> ecr().getAuthorizationToken(b -> { })).authorizationData().get(0);
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return new DockerEngine.RegistryAuth(decoded.substring(0, colon), decoded.substring(colon + 1), data.proxyEndpoint());
    }

    private static Applied applied(String uri, String digest) {
        return new Applied(uri, Map.of("imageUri", uri, "digest", digest));
    }

    /** The image with this source's tag, if ECR has it. */
    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String url = Props.str(r.inputs(), "repositoryUrl");
        return images(repository(url), List.of(tag(r))).stream().findFirst().map(d -> applied(url + ":" + tag(r), d.imageDigest()));
    }

    private List<ImageDetail> images(String repository, List<String> tags) {
        return Batches.describe(tags, BATCH, batch -> Pages.all(aws.retry(), t -> ecr().describeImages(b -> b.repositoryName(repository)
                .imageIds(batch.stream().map(x -> ImageIdentifier.builder().imageTag(x).build()).toList()).nextToken(t)),
                DescribeImagesResponse::nextToken, DescribeImagesResponse::imageDetails));
    }

    /** One DescribeImages per repository for all the handles' tags; an image or repository gone is absent. */
    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Map<String, ResourceHandle>> byRepository = new HashMap<>();
        for (ResourceHandle h : handles) {
            String uri = h.physicalId();
            int colon = uri.lastIndexOf(':');
            byRepository.computeIfAbsent(uri.substring(0, colon), k -> new HashMap<>()).put(uri.substring(colon + 1), h);
        }
        Map<String, Observed> out = new HashMap<>();
        byRepository.forEach((url, byTag) -> {
            for (ImageDetail d : images(repository(url), new ArrayList<>(byTag.keySet())))
                for (String t : d.imageTags()) {
                    ResourceHandle h = byTag.get(t);
                    if (h != null) out.put(h.address(), new Observed(h.physicalId(), Map.of(), Map.of("imageUri", h.physicalId(), "digest", d.imageDigest())));
                }
        });
        return out;
    }

    /** A new source digest: build and push the new tag (the old image stays for rollbacks). */
    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        return create(r);
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        // kept on purpose: see the class comment
    }
}

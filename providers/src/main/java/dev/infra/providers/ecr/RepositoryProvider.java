package dev.infra.providers.ecr;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Batches;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.ecr.Repository: tag mutability, scan on push and encryption as the inputs say; scanning and mutability change
 * in place. Reads are one DescribeRepositories per 100 names (a batch with a deleted repository is split, as ECR
 * fails the whole call). Delete forces, taking the images with it; a protected stage keeps its repositories.
 */
final class RepositoryProvider implements ResourceProvider {
    private static final int BATCH = 100;
    private final Aws aws;

    RepositoryProvider(Aws aws) {
        this.aws = aws;
    }

    private EcrClient ecr() {
        return aws.client(EcrClient.class, EcrClient::builder);
    }

    @Override
    public String type() {
        return EcrProviders.REPOSITORY.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        List<Tag> tags = r.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        try {
            Repository repo = aws.call(() -> ecr().createRepository(b -> b.repositoryName(Props.str(in, "repositoryName"))
                    .imageTagMutability(Props.str(in, "imageTagMutability", "MUTABLE"))
                    .imageScanningConfiguration(s -> s.scanOnPush(Props.bool(in, "scanOnPush")))
                    .encryptionConfiguration(e -> e.encryptionType(Props.str(in, "encryptionType", "AES256"))).tags(tags))).repository();
            return new Applied(repo.repositoryName(), outputs(repo));
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    private static Map<String, Object> outputs(Repository repo) {
        return Map.of("arn", repo.repositoryArn(), "repositoryUrl", repo.repositoryUri());
    }

    private List<Repository> describe(List<String> names) {
        return Batches.describe(names, BATCH, batch -> Pages.all(aws.retry(), t -> ecr().describeRepositories(b -> b.repositoryNames(batch)
                .nextToken(t)), DescribeRepositoriesResponse::nextToken, DescribeRepositoriesResponse::repositories));
    }

    private Map<String, String> tags(Repository repo) {
        Map<String, String> m = new HashMap<>();
        aws.call(() -> ecr().listTagsForResource(b -> b.resourceArn(repo.repositoryArn()))).tags().forEach(t -> m.put(t.key(), t.value()));
        return m;
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return describe(List.of(Props.str(r.inputs(), "repositoryName"))).stream().filter(repo -> Owned.byRequest(tags(repo), r))
                .findFirst().map(repo -> new Applied(repo.repositoryName(), outputs(repo)));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byName = new HashMap<>();
        handles.forEach(h -> byName.put(h.physicalId(), h));
        Map<String, Observed> out = new HashMap<>();
        for (Repository repo : describe(new ArrayList<>(byName.keySet()))) {
            ResourceHandle h = byName.get(repo.repositoryName());
            if (h == null) continue;
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("repositoryName", repo.repositoryName());
            live.put("imageTagMutability", repo.imageTagMutabilityAsString());
            live.put("scanOnPush", repo.imageScanningConfiguration() != null && Boolean.TRUE.equals(repo.imageScanningConfiguration().scanOnPush()));
            if (repo.encryptionConfiguration() != null) live.put("encryptionType", repo.encryptionConfiguration().encryptionTypeAsString());
            out.put(h.address(), new Observed(repo.repositoryName(), live, outputs(repo)));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        String name = current.physicalId();
        aws.run(() -> ecr().putImageScanningConfiguration(b -> b.repositoryName(name).imageScanningConfiguration(s -> s.scanOnPush(Props.bool(r.inputs(), "scanOnPush")))));
        aws.run(() -> ecr().putImageTagMutability(b -> b.repositoryName(name).imageTagMutability(Props.str(r.inputs(), "imageTagMutability", "MUTABLE"))));
        return new Applied(name, current.outputs());
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.ignoringNotFound(() -> ecr().deleteRepository(b -> b.repositoryName(h.physicalId()).force(true)));
    }

    /**
     * Repositories named with the stage's prefix (DescribeRepositories takes exact names only, no prefix or tag
     * filter): only those have their tags read, one call each, then judged.
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        String prefix = StageNames.prefix(stage);
        List<Found> out = new ArrayList<>();
        for (Repository repo : Pages.all(aws.retry(), t -> ecr().describeRepositories(b -> b.nextToken(t)),
                DescribeRepositoriesResponse::nextToken, DescribeRepositoriesResponse::repositories)) {
            if (repo.repositoryName().startsWith(prefix))
                out.add(new Found(type(), repo.repositoryName(), tags(repo), outputs(repo)));
        }
        return out;
    }
}

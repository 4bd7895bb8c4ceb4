package dev.infra.providers.ecs;

import dev.infra.core.provider.Applied;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Json;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * aws.ecs.TaskDefinition: a revision is immutable (every input forces a new one), so a read only asks which
 * revisions are still ACTIVE. ECS has no batch describe, and ListTaskDefinitions filters by one exact family (its
 * {@code familyPrefix} is "the full family name"), so a read lists the ACTIVE revisions of each recorded family: one
 * call per service (infra deregisters replaced revisions, so a family keeps one), whatever the number of task
 * definitions of other apps in the region (accounts with tens of thousands are common). The sweep lists the families
 * with the stage's name prefix ({@code APP-STAGE-}).
 * A delete deregisters the revision and deletes it (tasks already running keep it).
 */
final class TaskDefinitionProvider implements ResourceProvider {
    /** The tag holding the digest of the inputs a revision was registered with. */
    static final String INPUTS_TAG = "infra:inputs";
    private final Aws aws;

    TaskDefinitionProvider(Aws aws) {
        this.aws = aws;
    }

    private EcsClient ecs() {
        return aws.client(EcsClient.class, EcsClient::builder);
    }

    @Override
    public String type() {
        return EcsProviders.TASK_DEFINITION.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        TaskDefinition td = aws.once(() -> ecs().registerTaskDefinition(b -> b.family(Props.str(in, "family"))
                .cpu(Props.str(in, "cpu")).memory(Props.str(in, "memory")).networkMode(Props.str(in, "networkMode"))
                .requiresCompatibilitiesWithStrings(Props.strings(in, "requiresCompatibilities"))
                .executionRoleArn(Props.str(in, "executionRoleArn")).taskRoleArn(Props.str(in, "taskRoleArn"))
                .containerDefinitions(ContainerDefinitions.of(in)).tags(EcsTags.of(tagsWithDigest(r))))).taskDefinition();
        return applied(td.taskDefinitionArn());
    }

    /**
     * The request's tags and a digest of its inputs: ECS gives container definitions back with its defaults filled
     * in (cpu 0, empty lists, a port mapping's protocol and host port), so what was sent cannot be told from what
     * DescribeTaskDefinition returns; the digest, carried by the revision itself, can.
     */
    private static Map<String, String> tagsWithDigest(ResourceRequest r) {
        Map<String, String> tags = new HashMap<>(r.tags());
        tags.put(INPUTS_TAG, Json.digest(r.inputs()));
        return tags;
    }

    private static Applied applied(String arn) {
        return new Applied(arn, Map.of("arn", arn, "revision", Integer.parseInt(arn.substring(arn.lastIndexOf(':') + 1))));
    }

    /** The latest ACTIVE revision of the family, if it was registered for this address with these very inputs. */
    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String family = Props.str(r.inputs(), "family");
        List<String> arns = aws.call(() -> ecs().listTaskDefinitions(b -> b.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE)
                .sort(SortOrder.DESC).maxResults(1))).taskDefinitionArns();
        if (arns.isEmpty()) return Optional.empty();
        DescribeTaskDefinitionResponse d = aws.call(() -> ecs().describeTaskDefinition(b -> b.taskDefinition(arns.get(0)).include(TaskDefinitionField.TAGS)));
        TaskDefinition td = d.taskDefinition();
        Map<String, String> tags = EcsTags.map(d.tags());
        boolean same = Owned.byRequest(tags, r) && Json.digest(r.inputs()).equals(tags.get(INPUTS_TAG));
        return same ? Optional.of(applied(td.taskDefinitionArn())) : Optional.empty();
    }

    /** The ACTIVE revisions of one family (whatever else a call returns is left out by the callers' id checks). */
    private Set<String> active(String family) {
        return new HashSet<>(Pages.all(aws.retry(), t -> ecs().listTaskDefinitions(b -> b.familyPrefix(family)
                .status(TaskDefinitionStatus.ACTIVE).maxResults(100).nextToken(t)), ListTaskDefinitionsResponse::nextToken,
                ListTaskDefinitionsResponse::taskDefinitionArns));
    }

    /** The family of a revision's ARN: {@code arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION}. */
    private static String family(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1, arn.lastIndexOf(':'));
    }

    static String prefix(StageContext s) {
        return StageNames.prefix(s);
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new HashMap<>();
        if (handles.isEmpty()) return out;
        Set<String> active = new HashSet<>();
        handles.stream().map(h -> family(h.physicalId())).distinct().forEach(f -> active.addAll(active(f)));
        for (ResourceHandle h : handles)
            if (active.contains(h.physicalId())) out.put(h.address(), new Observed(h.physicalId(), Map.of(), h.outputs()));
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        return new Applied(current.physicalId(), current.outputs());
    }

    /**
     * Deregisters, then deletes. A revision already deleted is done: ECS says so with a ClientException ("does not
     * exist"), not a not-found code, so a retried delete (after a crash before it was recorded) must read it that way.
     */
    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        try {
            aws.ignoringNotFound(() -> ecs().deregisterTaskDefinition(b -> b.taskDefinition(h.physicalId())));
        } catch (RuntimeException e) {
            if (!"ClientException".equals(AwsErrors.code(e)) || !AwsErrors.message(e).contains("does not exist")) throw e;
            return;
        }
        aws.ignoringNotFound(() -> ecs().deleteTaskDefinitions(b -> b.taskDefinitions(h.physicalId())));
    }

    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Found> out = new java.util.ArrayList<>();
        List<String> families = Pages.all(aws.retry(), t -> ecs().listTaskDefinitionFamilies(b -> b.familyPrefix(prefix(stage))
                .status(TaskDefinitionFamilyStatus.ACTIVE).nextToken(t)), ListTaskDefinitionFamiliesResponse::nextToken,
                ListTaskDefinitionFamiliesResponse::families);
        for (String arn : families.stream().filter(f -> f.startsWith(prefix(stage))).distinct().flatMap(f -> active(f).stream()).distinct().toList()) {
            Map<String, String> tags = EcsTags.map(aws.call(() -> ecs().describeTaskDefinition(b -> b.taskDefinition(arn)
                    .include(TaskDefinitionField.TAGS))).tags());
            out.add(new Found(type(), arn, tags, Map.of("arn", arn)));
        }
        return out;
    }
}

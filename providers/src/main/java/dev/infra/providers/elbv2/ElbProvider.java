package dev.infra.providers.elbv2;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Batches;
import dev.infra.providers.aws.Owned;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ELBv2 providers share: resources are named by ARN; a read is one Describe per 20 ARNs (tolerating ARNs
 * that are gone); tags are read only to adopt or sweep, 20 ARNs per DescribeTags; a delete retries while the
 * resource is in use and counts "not found" as done.
 *
 * @param <T> the SDK model of the resource
 */
abstract class ElbProvider<T> implements ResourceProvider {
    static final int BATCH = 20;
    static final int PAGE = 400;
    protected final Aws aws;

    ElbProvider(Aws aws) {
        this.aws = aws;
    }

    protected ElasticLoadBalancingV2Client elb() {
        return aws.client(ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder);
    }

    /** Every resource with these ARNs (all pages); fails with "not found" if one is gone, as AWS does. */
    protected abstract List<T> describeArns(List<String> arns);

    protected abstract String arn(T t);

    protected abstract Map<String, Object> outputs(T t);

    /** The live inputs worth comparing for drift, in the shape of the recorded ones. */
    protected abstract Map<String, Object> liveInputs(T t, ResourceHandle recorded);

    /** The resource an earlier attempt of this request may have made (by its natural key), tags not yet checked. */
    protected abstract Optional<T> lookup(ResourceRequest r);

    protected abstract void deleteArn(String arn);

    /** Brings a found or new resource to where a create leaves it (waits, attributes); nothing to do by default. */
    protected T settle(T t, ResourceRequest r) {
        return t;
    }

    /** Every resource of the type in the region, for the sweep; types deleted with their parent return nothing. */
    protected List<T> all() {
        return List.of();
    }

    protected final List<T> describe(List<String> arns) {
        return Batches.describe(arns, BATCH, this::describeArns);
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    protected final Map<String, Map<String, String>> tagsOf(List<String> arns) {
        Map<String, Map<String, String>> out = new HashMap<>();
        List<TagDescription> found = Batches.describe(arns, BATCH, b -> aws.call(() -> elb().describeTags(r -> r.resourceArns(b))).tagDescriptions());
        for (TagDescription d : found) {
            Map<String, String> m = new HashMap<>();
            d.tags().forEach(t -> m.put(t.key(), t.value()));
            out.put(d.resourceArn(), m);
        }
        return out;
    }

    /** A create call; AWS's "already exists" (a name, port or priority taken) becomes the engine's, to adopt. */
    protected final <R> R creating(java.util.function.Supplier<R> call) {
        try {
            return aws.call(call);
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e) || "PriorityInUse".equals(AwsErrors.code(e))) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    /** The first resource a lookup describes, none when AWS says it is not found. */
    protected final Optional<T> first(java.util.function.Supplier<List<T>> call) {
        try {
            return call.get().stream().findFirst();
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return Optional.empty();
            throw e;
        }
    }

    protected final Applied applied(T t) {
        return new Applied(arn(t), outputs(t));
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return lookup(r).filter(t -> Owned.byRequest(tagsOf(List.of(arn(t))).getOrDefault(arn(t), Map.of()), r))
                .map(t -> applied(settle(t, r)));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byArn = new HashMap<>();
        handles.forEach(h -> byArn.put(h.physicalId(), h));
        Map<String, Observed> out = new HashMap<>();
        for (T t : describe(new ArrayList<>(byArn.keySet()))) {
            ResourceHandle h = byArn.get(arn(t));
            if (h != null) out.put(h.address(), new Observed(arn(t), liveInputs(t, h), outputs(t)));
        }
        return out;
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.deleteWhenUnused(type() + " " + h.physicalId(), Duration.ofMinutes(10), waits, () -> deleteArn(h.physicalId()));
    }

    /**
     * Load balancers and target groups named with the stage's prefix (ELB's Describe calls have no name-prefix or tag
     * filter, so the listing is the region's, 400 a page): only those have their tags read, 20 a call, then judged.
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        List<T> all = all().stream().filter(t -> namedForStage(t, stage)).toList();
        if (all.isEmpty()) return List.of();
        Map<String, Map<String, String>> tags = tagsOf(all.stream().map(this::arn).distinct().toList());
        List<Found> out = new ArrayList<>();
        for (T t : all) out.add(new Found(type(), arn(t), tags.getOrDefault(arn(t), Map.of()), Map.of(), outputs(t), references(t), usedBy(t)));
        return out;
    }

    /** Whether its name starts as infra names the stage's resources of the type (all, for types without a name). */
    protected boolean namedForStage(T t, StageContext stage) {
        return true;
    }

    /** ARNs of what uses it through parts the sweep does not find (a target group's load balancers, by their listeners). */
    protected java.util.Set<String> usedBy(T t) {
        return java.util.Set.of();
    }

    /** ARNs of what it references, for the sweep's order (a listener's load balancer and target groups); none by default. */
    protected java.util.Set<String> references(T t) {
        return java.util.Set.of();
    }
}

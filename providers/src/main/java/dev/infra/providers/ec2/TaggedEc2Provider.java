package dev.infra.providers.ec2;

import dev.infra.core.component.Tags;
import dev.infra.core.component.ResourceTypes;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Owned;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared mechanism of taggable EC2 resources: reads are one Describe per batch of ids (an id filter), adoption
 * and the sweep find resources by their {@code infra:*} tags, deletes wait out {@code DependencyViolation}. A filter
 * only narrows the query: every result is checked against what was asked (its id, its own tags) before it is used.
 * Subclasses say how to describe, create, finish (attributes, attachments, waits: safe to repeat) and observe.
 */
abstract class TaggedEc2Provider<T> implements ResourceProvider {
    private static final int FILTER_LIMIT = 200;
    protected final Aws aws;
    private final String idFilter;
    private final ResourceType tagType;

    TaggedEc2Provider(Aws aws, String idFilter, ResourceType tagType) {
        this.aws = aws;
        this.idFilter = idFilter;
        this.tagType = tagType;
    }

    protected Ec2Client ec2() {
        return aws.client(Ec2Client.class, Ec2Client::builder);
    }

    /** Every resource matching the filters, all pages. */
    protected abstract List<T> describe(List<Filter> filters);

    protected abstract String id(T t);

    protected abstract List<Tag> tags(T t);

    /** Deleted or being deleted: not there any more. */
    protected boolean gone(T t) {
        return false;
    }

    /** Completes a create (or an adopted half-done one): attributes, attachments, waiting until usable. */
    protected abstract Applied finish(T t, ResourceRequest request);

    /** The live inputs worth comparing for drift, in the shape of the recorded inputs. */
    protected abstract Map<String, Object> liveInputs(T t, ResourceHandle recorded);

    protected abstract Map<String, Object> outputs(T t);

    /** The delete call; retried while dependents remain. */
    protected abstract void deleteNow(String id, WaitReporter waits);

    protected Duration deleteTimeout() {
        return Duration.ofMinutes(20);
    }

    protected TagSpecification tagSpec(ResourceRequest r) {
        List<Tag> tags = new ArrayList<>();
        r.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        String name = nameOf(r);
        if (!name.isEmpty()) tags.add(Tag.builder().key("Name").value(name).build());
        return TagSpecification.builder().resourceType(tagType).tags(tags).build();
    }

    protected static Filter filter(String name, List<String> values) {
        return Filter.builder().name(name).values(values).build();
    }

    /** The resource with this id, if it exists (in any state); whatever else the call returned is ignored. */
    protected Optional<T> one(String id) {
        return describe(List.of(filter(idFilter, List.of(id)))).stream().filter(t -> id.equals(id(t))).findFirst();
    }

    /** Physical ids of what uses it through parts the sweep cannot find (a route table's subnets): they go first. */
    protected Set<String> usedBy(T t) {
        return Set.of();
    }

    /** Physical ids of resources it references, for the sweep's order (a subnet's VPC); none by default. */
    protected Set<String> references(T t) {
        return Set.of();
    }

    /** Only the Name tag changes; types with attributes AWS can change in place override this. */
    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        retag(current.physicalId(), r);
        return new Applied(current.physicalId(), current.outputs());
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        List<Filter> filters = List.of(filter("tag:" + Tags.APP, List.of(r.stage().app())),
                filter("tag:" + Tags.STAGE, List.of(r.stage().stage())), filter("tag:" + Tags.RESOURCE, List.of(r.address())));
        return describe(filters).stream().filter(t -> !gone(t) && Owned.byRequest(tagMap(tags(t)), r)).findFirst().map(t -> finish(t, r));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byId = new HashMap<>();
        handles.forEach(h -> byId.put(h.physicalId(), h));
        List<String> ids = new ArrayList<>(byId.keySet());
        Map<String, Observed> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += FILTER_LIMIT) {
            for (T t : describe(List.of(filter(idFilter, ids.subList(i, Math.min(ids.size(), i + FILTER_LIMIT)))))) {
                ResourceHandle h = byId.get(id(t));
                if (h != null && !gone(t)) out.put(h.address(), new Observed(id(t), withName(t, liveInputs(t, h)), outputs(t)));
            }
        }
        return out;
    }

    /**
     * The live inputs with {@code name} read from the Name tag (which update changes), unless the type reads it itself.
     * Only for types whose schema declares a {@code name} input: anyone can set a Name tag on any EC2 resource, and
     * a read reporting an undeclared input fails the refresh.
     */
    private Map<String, Object> withName(T t, Map<String, Object> live) {
        String name = tag(tags(t), "Name");
        if (name.isEmpty() || live.containsKey("name") || !declaresName()) return live;
        Map<String, Object> out = new HashMap<>(live);
        out.put("name", name);
        return out;
    }

    private boolean declaresName() {
        return ResourceTypes.find(type()).map(s -> s.inputs().containsKey("name")).orElse(false);
    }

    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Filter> filters = List.of(filter("tag:" + Tags.APP, List.of(stage.app())), filter("tag:" + Tags.STAGE, List.of(stage.stage())));
        List<Found> out = new ArrayList<>();
        for (T t : describe(filters)) if (!gone(t)) out.add(new Found(type(), id(t), tagMap(tags(t)), Map.of(), outputs(t), references(t), usedBy(t)));
        return out;
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.deleteWhenUnused(type() + " " + h.physicalId(), deleteTimeout(), waits, () -> deleteNow(h.physicalId(), waits));
    }

    /** Replaces the Name tag after a rename; other tags never change. */
    protected void retag(String id, ResourceRequest r) {
        String name = nameOf(r);
        if (!name.isEmpty()) aws.run(() -> ec2().createTags(b -> b.resources(id).tags(Tag.builder().key("Name").value(name).build())));
    }

    /** Its Name tag: the input its schema names it by, for the types that have one. */
    private static String nameOf(ResourceRequest r) {
        return ResourceTypes.find(r.type()).map(s -> s.physicalName(r.inputs())).orElse("");
    }

    protected static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> m = new HashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }

    protected static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse("");
    }
}

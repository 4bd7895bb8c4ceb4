package dev.infra.providers.conformance;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.Tags;
import dev.infra.core.plan.Values;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ProviderRegistry;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WaitReporter;
import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One type's conformance case, step by step on one account: what its example resource stands on is deployed, then
 * the subject is created, read, updated key by key, adopted, listed, deleted. Each step is one dynamic test of
 * {@link ProviderConformance}; a step whose predecessor did not get its resource made is skipped, not failed.
 */
final class TypeCase implements AutoCloseable {
    static final String TOKEN = "conformance-create";
    final ResourceSchema schema;
    private final ExampleApp.Subject subject;
    private final Account account;
    final StageContext stage;
    private final Helpers helpers;
    private ProviderRegistry registry;
    private ExampleApp.Deployed deployed;
    private Map<String, Object> sent;
    private ResourceHandle handle;
    private boolean deleted;

    TypeCase(ResourceSchema schema, ExampleApp.Subject subject, Account account, String stageName) {
        this.schema = schema;
        this.subject = subject;
        this.account = account;
        this.stage = new StageContext(subject.app().config().app(), stageName, account.config().region(), false);
        this.helpers = new Helpers(this);
    }

    String address() {
        return subject.resource().address();
    }

    ProviderRegistry providers() {
        if (registry == null) registry = account.providers();
        return registry;
    }

    ResourceProvider provider() {
        return providers().get(schema.type());
    }

    ResourceRequest request(String type, String address, Map<String, Object> inputs, StageContext in, Map<String, String> tags, String token) {
        String name = dev.infra.core.component.ResourceTypes.find(type).map(s -> s.physicalName(inputs)).orElse("");
        return new ResourceRequest(address, type, name, inputs, tags, token, in, WaitReporter.NONE);
    }

    ResourceRequest request(Map<String, Object> inputs) {
        return request(schema.type(), address(), inputs, stage, Tags.standard(stage.app(), stage.stage(), address()), TOKEN);
    }

    /** Deploys the dependencies, creates the subject with the example's inputs; every declared output is returned. */
    void create() {
        deployed = subject.deploy(providers(), stage, account.clock());
        sent = deployed.inputs();
        Applied a = provider().create(request(sent));
        handle = new ResourceHandle(address(), schema.type(), a.physicalId(), sent, a.outputs(), stage);
        assertThat(a.physicalId()).as("physical id").isNotBlank();
        assertThat(a.outputs().keySet()).as("outputs the schema declares").containsAll(schema.outputs());
    }

    ResourceHandle created() {
        Assumptions.assumeTrue(handle != null, "the create did not succeed");
        Assumptions.assumeFalse(deleted, "deleted");
        return handle;
    }

    Map<String, Object> sent() {
        created();
        return sent;
    }

    Observed read() {
        ResourceHandle h = created();
        Map<String, Observed> found = provider().read(List.of(h));
        assertThat(found).as("a read of " + h.physicalId()).containsKey(h.address());
        return found.get(h.address());
    }

    /** A read reports live inputs under declared keys only: a key it misnames would make drift unreportable. */
    void reportsDeclaredKeysOnly() {
        assertThat(schema.inputs().keySet()).as("declared inputs").containsAll(read().inputs().keySet());
    }

    /**
     * The read-back of one sent input: the value sent. One a read does not report is skipped here; for a key that does
     * not force replacement, its update step then fails (an update that cannot be read back cannot show drift).
     */
    void readsBack(String key) {
        Map<String, Object> observed = read().inputs();
        Assumptions.assumeTrue(observed.containsKey(key), "not reported by a read: " + key);
        assertSame(key, sent.get(key), observed.get(key));
    }

    private static void assertSame(String key, Object expected, Object actual) {
        assertThat(Values.same(expected, actual)).as(key + ": sent " + expected + ", read back " + actual).isTrue();
    }

    /**
     * Updates one key that does not force replacement to another valid value, and a read reports that value; then
     * back to the value it had, read back too where it had one (an update must apply a key both ways).
     */
    void updates(String key, boolean read, Variations.Alternative alternative) {
        created();
        Map<String, Object> before = sent;
        Object varied = alternative.value(before, helpers);
        Object value = varied instanceof Variations.Switch sw ? sw.value() : varied;
        assertThat(Values.same(value, before.get(key))).as("the variation of " + key + " changes it").isFalse();
        Map<String, Object> desired = new TreeMap<>(before);
        desired.put(key, value);
        if (varied instanceof Variations.Switch sw) sw.unset().forEach(desired::remove);
        updateTo(desired);
        Map<String, Object> observed = read().inputs();
        if (!read) {
            assertThat(observed).as(key + " is declared not read back").doesNotContainKey(key);
            updateTo(before);
            return;
        }
        assertThat(observed).as("a read after the update of " + key).containsKey(key);
        assertSame(key, value, observed.get(key));
        updateTo(before);
        if (before.containsKey(key)) assertSame(key + " (back)", before.get(key), read().inputs().get(key));
    }

    private void updateTo(Map<String, Object> desired) {
        Applied a = provider().update(handle, request(desired));
        handle = new ResourceHandle(address(), schema.type(), a.physicalId(), desired, a.outputs(), stage);
        sent = desired;
    }

    /**
     * After a crash that lost the create's response: the same request finds it, by the tags or token it carried. Where
     * a retried create is the same call ({@link LookAlikes#IDEMPOTENT_CREATE}), it makes nothing new and returns it.
     */
    void adopts() {
        ResourceHandle h = created();
        Optional<Applied> found = provider().findExisting(request(sent));
        if (found.isEmpty() && LookAlikes.IDEMPOTENT_CREATE.containsKey(schema.type())) found = Optional.of(provider().create(request(sent)));
        assertThat(found).as("adopted").isPresent();
        assertThat(found.get().physicalId()).isEqualTo(h.physicalId());
        assertThat(found.get().outputs().keySet()).containsAll(schema.outputs());
    }

    /** The same request made for another stage does not adopt it: its tags say whose it is. */
    void notAdoptedByAnotherStage() {
        ResourceHandle h = created();
        StageContext other = new StageContext(stage.app(), "other", stage.region(), false);
        Optional<Applied> found = provider().findExisting(request(schema.type(), address(), sent, other, Tags.standard(stage.app(), "other", address()), TOKEN));
        assertThat(found.map(Applied::physicalId)).as("adopted by stage other").isNotEqualTo(Optional.of(h.physicalId()));
    }

    /** Listing by tags finds it, and neither another stage's look-alike nor an untagged one (none when {@code twin} is null). */
    void listedOwnStageOnly(LookAlikes.Twin twin) {
        ResourceHandle h = created();
        StageContext other = new StageContext(stage.app(), "other", stage.region(), false);
        List<String> strangers = new ArrayList<>();
        if (twin != null) strangers.add(helpers.make(request(schema.type(), address(), twin.inputs(sent, "oth", helpers), other,
                Tags.standard(stage.app(), "other", address()), TOKEN + "-other")).physicalId());
        if (twin != null) strangers.add(helpers.make(request(schema.type(), address(), twin.inputs(sent, "unt", helpers), stage, Map.of(), TOKEN + "-untagged")).physicalId());
        List<String> listed = provider().listTagged(stage).stream().map(ResourceHandle::physicalId).toList();
        assertThat(listed).as("listed for stage " + stage.stage()).contains(h.physicalId());
        if (!strangers.isEmpty()) assertThat(listed).as("look-alikes listed for stage " + stage.stage()).doesNotContainAnyElementsOf(strangers);
    }

    /** Deletes it (twice: a delete of what is gone is done), and a read no longer finds it. */
    void deletes() {
        ResourceHandle h = created();
        provider().delete(h);
        provider().delete(h);
        deleted = true;
        assertThat(provider().read(List.of(h))).as("read after delete").doesNotContainKey(h.address());
    }

    ExampleApp.Deployed deployed() {
        return deployed;
    }

    @Override
    public void close() {
        try {
            if (handle != null && !deleted) provider().delete(handle);
            helpers.close();
            if (deployed != null && account.removesDependencies()) deployed.remove();
        } finally {
            account.close();
        }
    }
}

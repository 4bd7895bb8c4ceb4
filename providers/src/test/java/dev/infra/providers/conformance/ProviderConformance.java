package dev.infra.providers.conformance;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.component.ResourceTypes;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every resource provider must do, generated from its type's schema ({@link ResourceTypes#all()}), as
 * {@code StateBackendConformance} is for state backends. For each type, on an account of its own, with the inputs the
 * full example gives it (what it stands on deployed first, see {@link ExampleApp}): create, and every declared output
 * is returned; a read reports declared keys only, and each input sent reads back equal; every key that does not force
 * replacement is updated to another valid value ({@link Variations}) and reads back so, so an update that ignores a key
 * fails; the create's request finds it again after a crash lost its response, and another stage's does not; a listing
 * by tags finds it and no look-alike of another stage or without tags ({@link LookAlikes}); delete, and a read finds
 * nothing. Subclasses say where it runs.
 */
public abstract class ProviderConformance {
    /** Types with a provider that the suite does not run, by why. */
    static final Map<String, String> SKIPPED = Map.of(
            "docker.Image", "builds with a Docker engine and pushes to a registry: ImageProviderTest and the it profile's image tests cover it",
            ResourceTypes.ACCOUNT_TYPE, "the account is read, never created, updated or deleted");
    /** Inputs that do not force replacement and are not applied by update, by why (each is a deliberate exception). */
    static final Map<String, String> NOT_UPDATED = Map.of(
            "aws.rds.Cluster " + ResourceTypes.FINAL_SNAPSHOT, "a delete-time choice: recorded for the delete, never sent to AWS before it",
            "aws.ecs.Service codeDeploy", "names the CodeDeploy application and group a blue/green rollout deploys through; ECS never gets it",
            "aws.appautoscaling.Policy policyType", "the provider writes target-tracking policies only: TargetTrackingScaling is its one valid value");
    /** Inputs that update applies but a read deliberately does not report, by why: the step checks the update call and that. */
    static final Map<String, String> NOT_READ = Map.of(
            "aws.ecs.Service desiredCount", "auto scaling owns the live count: a read reporting it would make every deploy undo scaling");

    /**
     * Steps known to fail today, by {@code "type, step"}, with why: such a step runs, and is reported as skipped with
     * its failure while it fails, and fails once it passes (so the entry cannot outlive the gap). Each is open work.
     */
    static final Map<String, String> KNOWN_GAPS = Map.of();

    /** A fresh account for one type's case; it is closed when the case is over. */
    protected abstract Account account(String type);

    /**
     * Why the endpoint cannot run a step, when {@code failure} says it does not implement an operation (an emulator's
     * gap): the step is then reported as skipped with that reason, never as passed. FakeAws implements every call the
     * providers make, so there no failure is excused.
     */
    protected Optional<String> unsupported(Throwable failure) {
        return Optional.empty();
    }

    /** The stage {@code type}'s case deploys in (one of its own where the account outlives the case). */
    protected String stage(String type) {
        return "dev";
    }

    @TestFactory
    Stream<DynamicNode> everyProvider() {
        Map<String, ExampleApp> examples = new java.util.HashMap<>();
        List<DynamicNode> types = new ArrayList<>();
        for (ResourceSchema s : ResourceTypes.all().values()) {
            if (SKIPPED.containsKey(s.type())) continue;
            String stage = stage(s.type());
            Optional<ExampleApp.Subject> subject = examples.computeIfAbsent(stage, ExampleApp::new).subject(s.type());
            if (subject.isEmpty()) {
                types.add(DynamicTest.dynamicTest(s.type() + ": no example resource", () ->
                        assertThat(subject).as("the full example emits no " + s.type() + "; give the suite inputs for it").isPresent()));
                continue;
            }
            List<DynamicNode> cases = cases(s, subject.get(), stage);
            System.out.println("provider conformance: " + s.type() + ": " + cases.size() + " cases");
            types.add(DynamicContainer.dynamicContainer(s.type() + " (" + subject.get().resource().address() + ")", cases.stream()));
        }
        return types.stream();
    }

    private List<DynamicNode> cases(ResourceSchema s, ExampleApp.Subject subject, String stage) {
        TypeCase[] holder = new TypeCase[1];
        List<DynamicNode> out = new ArrayList<>();
        out.add(test(s.type(), "create", () -> {
            holder[0] = new TypeCase(s, subject, account(s.type()), stage);
            holder[0].create();
        }));
        out.add(step("a read reports declared inputs only", holder, TypeCase::reportsDeclaredKeysOnly));
        for (String key : subject.resource().inputs().keySet())
            if (subject.resource().inputs().get(key) != null) out.add(step("read back " + key, holder, c -> c.readsBack(key)));
        for (String key : s.inputs().keySet()) {
            if (s.forceNew().contains(key) || NOT_UPDATED.containsKey(s.type() + " " + key)) continue;
            boolean read = !NOT_READ.containsKey(s.type() + " " + key);
            out.add(step("update " + key, holder, c -> c.updates(key, read, Variations.of(s, key).orElseThrow(() ->
                    new AssertionError("no variation declared for " + s.type() + " " + key + " (" + s.inputs().get(key).kind() + ")")))));
        }
        out.add(step("adopt after a crash lost the create's response", holder, TypeCase::adopts));
        boolean twin = !LookAlikes.UNTAGGABLE.containsKey(s.type()) && !LookAlikes.NO_TWIN.containsKey(s.type());
        if (twin) out.add(step("another stage's request does not adopt it", holder, TypeCase::notAdoptedByAnotherStage));
        if (!LookAlikes.UNTAGGABLE.containsKey(s.type()) && !LookAlikes.NOT_LISTED.containsKey(s.type()))
            out.add(step(twin ? "list by tags: own stage only" : "list by tags", holder, c -> c.listedOwnStageOnly(twin ? LookAlikes.of(s.type()) : null)));
        out.add(test(s.type(), "delete, then a read finds nothing", () -> {
            try {
                if (holder[0] != null) holder[0].deletes();
            } finally {
                if (holder[0] != null) holder[0].close();
            }
        }));
        return out;
    }

    private DynamicTest test(String type, String name, Executable body) {
        return DynamicTest.dynamicTest(name, () -> {
            try {
                body.execute();
            } catch (AssertionError | RuntimeException e) {
                skipIfUnsupported(e);
                throw new AssertionError(type + ", " + name + ": " + e.getMessage(), e);
            }
        });
    }

    private void skipIfUnsupported(Throwable e) {
        unsupported(e).ifPresent(why -> org.junit.jupiter.api.Assumptions.abort("endpoint does not support it: " + why));
    }

    /** A step on the case the create step made; skipped when there is none. */
    private DynamicTest step(String name, TypeCase[] holder, java.util.function.Consumer<TypeCase> body) {
        return DynamicTest.dynamicTest(name, () -> {
            org.junit.jupiter.api.Assumptions.assumeTrue(holder[0] != null, "no case: its create step failed");
            String id = holder[0].schema.type() + ", " + name;
            String gap = KNOWN_GAPS.get(id);
            try {
                body.accept(holder[0]);
            } catch (AssertionError | RuntimeException e) {
                if (e instanceof org.opentest4j.TestAbortedException) throw e;
                skipIfUnsupported(e);
                if (gap != null) org.junit.jupiter.api.Assumptions.abort("known gap (" + gap + "): " + e.getMessage());
                throw new AssertionError(id + ": " + e.getMessage(), e);
            }
            if (gap != null) throw new AssertionError(id + " passes now: take it out of KNOWN_GAPS (" + gap + ")");
        });
    }
}

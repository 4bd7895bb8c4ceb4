package dev.infra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan reviewed is the plan applied: a saved plan edited in any field (an {@code after} value, a diff, an
 * action, an address) is refused before any AWS call, as is one made from an earlier infra.yaml; a garbled file is
 * refused with a one-line message that names no Java class; the untouched file applies.
 */
class SavedPlanIntegrityTest extends OnFullExample {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    @BeforeEach
    void deployedThenChanged() throws Exception {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        example.write(500, "max: 8, pauseAfter");
        example.ok(example.run("dev", "diff", "--out", "plan.json"));
    }

    @Test
    void everyEditOfASavedPlanIsRefusedBeforeAnyAwsCall() throws Exception {
        refusedAsModified("an after value", plan -> {
            Map<String, Object> after = after(changeWith(plan, "update"));
            after.put("deletionProtection", false);
        });
        refusedAsModified("a diffs entry", plan -> {
            List<Map<String, Object>> diffs = list(changeWith(plan, "update").get("diffs"));
            diffs.get(0).put("after", 4096);
        });
        refusedAsModified("the action", plan -> changeWith(plan, "noop").put("action", "delete"));
        refusedAsModified("the address", plan -> changeWith(plan, "update").put("address", "db/other"));
        refusedAsModified("an action no build knows", plan -> changeWith(plan, "noop").put("action", "explode"));

        Cli.Result applied = example.run("dev", "deploy", "--plan", "plan.json", "--yes");
        assertThat(applied.code()).as("the untouched plan applies: " + applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("Done: 2 updated.");
    }

    /** Someone who edits an after value and recomputes the digest still cannot apply a value infra.yaml does not give. */
    @Test
    void anEditedValueWithARecomputedDigestIsRefusedBeforeAnyAwsCall() throws Exception {
        String address = forged(change -> after(change).put("deletionProtection", false));
        Cli.Result r = example.run("dev", "deploy", "--plan", "forged.json", "--yes");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("the plan file's values for " + address + " are not what infra.yaml gives");
        assertThat(example.fake.calls().all()).as("no AWS call").isEmpty();
    }

    /** A diff that lies about what will change, with a recomputed digest, is refused before anything changes. */
    @Test
    void aPrintedDiffThatIsNotWhatTheValuesGiveIsRefused() throws Exception {
        String address = forged(change -> list(change.get("diffs")).get(0).put("after", 4));
        Cli.Result r = example.run("dev", "deploy", "--plan", "forged.json", "--yes");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("the plan file's changes for " + address + " are not what its values give");
        assertThat(example.fake.calls().all()).as("reads only (the secrets check), no change").isNotEmpty()
                .allMatch(c -> c.matches("\\w+:(Describe|Get|List)\\w*"));
    }

    /** Writes forged.json: plan.json with its update change edited and both digests made to match; clears the call log. */
    private String forged(Consumer<Map<String, Object>> editChange) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = JSON.readValue(Files.readString(dir.resolve("plan.json")), Map.class);
        Map<String, Object> change = changeWith(plan, "update");
        editChange.accept(change);
        plan.remove("digest");
        plan.put("digest", dev.infra.core.plan.PlanDigest.of(plan));
        Files.writeString(dir.resolve("forged.json"), JSON.writeValueAsString(plan));
        example.fake.calls().clear();
        return (String) change.get("address");
    }

    @Test
    void aPlanMadeFromAnEarlierInfraYamlIsRefused() throws Exception {
        example.write(300, "max: 8, pauseAfter");
        example.fake.calls().clear();
        Cli.Result r = example.run("dev", "deploy", "--plan", "plan.json", "--yes");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains("infra.yaml (or a build context it names) changed since this plan was made: make a new plan");
        assertThat(example.fake.calls().all()).as("no AWS call").isEmpty();
    }

    @Test
    void aGarbledPlanFileGetsOneLineThatNamesNoJavaClass() throws Exception {
        for (String garbled : List.of("{\"formatVersion\": 1, \"changes\": [", "[]", "", "{\"formatVersion\": 1}", "null")) {
            Files.writeString(dir.resolve("garbled.json"), garbled);
            Cli.Result r = example.run("dev", "deploy", "--plan", "garbled.json", "--yes");
            assertThat(r.code()).as(garbled + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList()).as(garbled).singleElement().asString()
                    .contains("plan file");
            assertThat(r.err()).as(garbled).doesNotContainPattern("java\\.|dev\\.infra|Exception|No enum constant|\\(String\\)");
        }
    }

    private void refusedAsModified(String what, Consumer<Map<String, Object>> edit) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = JSON.readValue(Files.readString(dir.resolve("plan.json")), Map.class);
        edit.accept(plan);
        Files.writeString(dir.resolve("edited.json"), JSON.writeValueAsString(plan));
        example.fake.calls().clear();
        Cli.Result r = example.run("dev", "deploy", "--plan", "edited.json", "--yes");
        assertThat(r.code()).as(what + ": " + r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).as(what).contains("the plan file was modified after 'infra diff --out' wrote it; make a new plan");
        assertThat(example.fake.calls().all()).as(what + ": no AWS call").isEmpty();
    }

    private static Map<String, Object> changeWith(Map<String, Object> plan, String action) {
        return list(plan.get("changes")).stream().filter(c -> action.equals(c.get("action"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> after(Map<String, Object> change) {
        return (Map<String, Object>) change.get("after");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}

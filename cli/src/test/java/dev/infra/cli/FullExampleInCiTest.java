package dev.infra.cli;

import dev.infra.core.plan.MarkdownPlanRenderer;
import dev.infra.core.testing.Golden;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full example as the README's CI workflows run it against FakeAws: on the pull request, {@code diff
 * --detailed-exitcode --format markdown --out plan.json} (the markdown compared with golden files, ids normalised);
 * on the main branch, {@code deploy --plan plan.json --json}, whose events are parsed back and checked against the
 * plan; and {@code remove --json}. Regenerate the golden files with {@code -Dgolden.update=true}.
 */
class FullExampleInCiTest extends OnFullExample {

    /** FakeAws's counter-made ids and the images' content digests, which change with run order and sources. */
    static String normalised(String text) {
        return text.replaceAll("-[0-9a-f]{17}\\b", "-ID").replaceAll("sha256:[0-9a-f]{64}", "sha256:DIGEST");
    }

    private Cli.Result markdownDiff(String stage, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("diff", "--detailed-exitcode", "--format", "markdown"));
        args.addAll(List.of(more));
        Cli.Result r = example.run(stage, args.toArray(String[]::new));
        assertThat(r.code()).as("changes pending: " + r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).startsWith("<!-- infra diff: carbon/" + stage + " -->\n").hasSizeLessThan(MarkdownPlanRenderer.MAX_CHARS);
        return r;
    }

    @Test
    void aPullRequestsPlanIsDeployedOnMainAndEveryStepIsReportedInDependencyOrder() throws Exception {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        Cli.Result first = markdownDiff("dev", "--out", "plan.json");
        Golden.assertMatches("full-example-first-deploy.md", normalised(first.out()));
        assertThat(first.err()).contains("Plan saved to");

        Cli.Result deploy = example.ok(example.run("dev", "deploy", "--plan", "plan.json", "--yes", "--json"));
        StepEvents events = new StepEvents(deploy.out());
        List<Map<String, Object>> changes = StepEvents.changes(Files.readString(dir.resolve("plan.json")));
        assertThat(events.kinds()).first().isEqualTo("plan");
        assertThat(events.events.get(0)).containsEntry("stage", "dev").extractingByKey("counts").asString().contains("create=" + changes.size());
        assertThat(events.kinds()).last().isEqualTo("summary");
        assertThat(events.kinds()).as("a database is waited for").contains("waiting");
        events.assertEveryStepInDependencyOrder(changes);
        assertThat(events.last()).containsEntry("success", true).containsEntry("done", Map.of("create", changes.size()))
                .containsEntry("failures", List.of()).containsEntry("untouched", List.of());
        assertThat(deploy.err()).as("people still get the plan and the progress on stderr")
                .contains("+ vpc/vpc").contains("create vpc/vpc (aws.ec2.Vpc) started").contains("Done: " + changes.size() + " created.");

        example.write(500, "max: 8, pauseAfter");
        Golden.assertMatches("full-example-scaling-and-rate-limit.md", normalised(markdownDiff("dev").out()));

        List<Map<String, Object>> removal = StepEvents.changes(example.ok(example.run("dev", "diff", "--remove", "--json")).out());
        assertThat(removal).hasSize(changes.size()).allSatisfy(c -> assertThat(c).containsEntry("action", "delete"));
        Cli.Result removed = example.ok(example.run("dev", "remove", "--yes", "--json"));
        StepEvents removing = new StepEvents(removed.out());
        removing.assertEveryStepInDependencyOrder(removal);
        assertThat(removing.last()).containsEntry("event", "summary").containsEntry("success", true)
                .containsEntry("done", Map.of("delete", changes.size())).containsEntry("retained", List.of());
        assertThat(example.run("dev", "diff", "--remove", "--json").out()).as("nothing left to remove").contains("\"delete\" : 0");
    }

    @Test
    void aProtectedStagesRemoveIsPlannedAsMarkdownAndReportsWhatItKept() throws Exception {
        example.ok(example.run("staging", "secrets", "load", ".env"));
        example.ok(example.run("staging", "deploy", "--yes"));
        Cli.Result refused = example.run("staging", "diff", "--remove", "--target", "db");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--remove plans the whole stage");

        Cli.Result plan = markdownDiff("staging", "--remove", "--out", "remove.json");
        Golden.assertMatches("full-example-protected-remove.md", normalised(plan.out()));
        assertThat(plan.out()).contains("`=` **`db/cluster`** `aws.rds.Cluster` — retained: the stage is protected");

        Cli.Result removed = example.ok(example.run("staging", "remove", "--yes", "--confirm", "staging", "--json"));
        StepEvents events = new StepEvents(removed.out());
        events.assertEveryStepInDependencyOrder(StepEvents.changes(Files.readString(dir.resolve("remove.json"))));
        assertThat(events.last()).containsEntry("success", true);
        assertThat(events.last().get("retained")).asList().contains("db/cluster", "db/writer", "erp/logGroup");
        assertThat(events.index("done", "retain db/cluster")).isPositive();
    }

    @Test
    void formatsThatContradictOrDoNotExistAreUsageErrors() {
        Cli.Result both = example.run("dev", "diff", "--json", "--format", "markdown");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--json and --format markdown contradict each other");
        Cli.Result unknown = example.run("dev", "diff", "--format", "html");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--format must be text, json or markdown, not 'html'");
        Cli.Result json = example.ok(example.run("dev", "diff", "--format", "json"));
        assertThat(json.out()).contains("\"formatVersion\" : 1");
    }
}

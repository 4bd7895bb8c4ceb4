package dev.infra.core.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownPlanRendererTest {
    private static final String LINEAGE = "00000000-0000-0000-0000-000000000000";

    private static Plan plan(List<Change> changes) {
        return new Plan(Plan.FORMAT_VERSION, "shop", "prod", "us-east-1", LINEAGE, 3, changes);
    }

    private static Map<String, Object> container(String name, String image, int port) {
        return Map.of("name", name, "image", image, "essential", true,
                "environment", Map.of("NODE_ENV", "production", "API_URL", "http://internal-api.example:" + port),
                "portMappings", List.of(Map.of("containerPort", port, "protocol", "tcp")));
    }

    private static Map<String, Object> policy(String... actions) {
        List<Object> statements = new ArrayList<>();
        for (String a : actions) statements.add(Map.of("Effect", "Allow", "Action", List.of(a), "Resource", List.of("arn:aws:ssm:us-east-1:1:parameter/shop/prod/*")));
        return Map.of("Version", "2012-10-17", "Statement", statements);
    }

    private static Change update(String address, String type, String component, Map<String, Object> before, Map<String, Object> after) {
        return new Change(address, type, component, Action.UPDATE, before, after, Diffs.between(before, after, java.util.Set.of()), "", List.of());
    }

    private static Change create(String address, String type, String component, Map<String, Object> after) {
        return new Change(address, type, component, Action.CREATE, Map.of(), after, Diffs.between(Map.of(), after, java.util.Set.of()), "", List.of());
    }

    private static Change replace(String address, String component, String cidrBefore, String cidrAfter) {
        Map<String, Object> b = Map.of("cidrBlock", cidrBefore);
        Map<String, Object> a = Map.of("cidrBlock", cidrAfter);
        return new Change(address, "aws.ec2.Subnet", component, Action.REPLACE, b, a, Diffs.between(b, a, java.util.Set.of("cidrBlock")),
                "cidrBlock forces replacement", List.of());
    }

    private static Change delete(String address, String type, String component) {
        return new Change(address, type, component, Action.DELETE, Map.of("name", address), Map.of(),
                List.of(new PropertyDiff("name", address, null, false)), "no longer in infra.yaml", List.of());
    }

    @Test
    void aSmallPlanIsShownWholeWithLongValuesPropertyByPropertyAndDestructiveChangesFirst() {
        Change task = update("web/taskDefinition", "aws.ecs.TaskDefinition", "web",
                Map.of("containerDefinitions", List.of(container("web", "shop/web:1", 3000))),
                Map.of("containerDefinitions", List.of(container("web", "shop/web:2", 3000))));
        Change role = update("web/executionRole", "aws.iam.Role", "web",
                Map.of("inlinePolicy", policy("ssm:GetParameters")), Map.of("inlinePolicy", policy("ssm:GetParameters", "kms:Decrypt")));
        Change db = delete("db/cluster", "aws.rds.Cluster", "db");
        Change logs = create("web/logGroup", "aws.logs.LogGroup", "web", Map.of("logGroupName", "/shop|prod", "retentionInDays", 30));
        Change subnet = replace("vpc/subnet1", "vpc", "10.0.0.0/20", "10.1.0.0/20");
        String md = new MarkdownPlanRenderer().render(plan(List.of(subnet, logs, task, role, db)));

        assertThat(md).startsWith("<!-- infra diff: shop/prod -->\n### infra diff: shop / prod (us-east-1)\n\n"
                + "**Plan: 1 to create, 2 to update, 1 to replace, 1 to delete, 0 unchanged.**\n\n");
        assertThat(md).contains("| `+` to create | 1 |").contains("| `~` to update | 2 |").contains("| `-` to delete | 1 |")
                .contains("> ⚠️ **2 resources are deleted or replaced.** Data is lost with this one: `db/cluster` (delete).")
                .contains("**Replacements** (each is deleted, then created again):\n\n- `-/+` **`vpc/subnet1`** `aws.ec2.Subnet` — cidrBlock forces replacement ⚠️")
                .contains("| `cidrBlock` **forces replacement** | `\"10.0.0.0/20\"` | `\"10.1.0.0/20\"` |")
                .contains("| `containerDefinitions[web].image` | `\"shop/web:1\"` | `\"shop/web:2\"` |")
                .contains("| `inlinePolicy.Statement[1].Action[0]` | `(none)` | `\"kms:Decrypt\"` |")
                .contains("| `logGroupName` | `\"/shop\\|prod\"` |")
                .doesNotContain("Left out");
        assertThat(md.indexOf("<summary><b>db</b>")).as("the block that loses data comes first").isLessThan(md.indexOf("<summary><b>vpc</b>"));
        assertThat(md.indexOf("<summary><b>vpc</b>")).isLessThan(md.indexOf("<summary><b>web</b>"));
        String web = md.substring(md.indexOf("<summary><b>web</b>"));
        assertThat(web).startsWith("<summary><b>web</b>: 1 to create, 2 to update</summary>");
        assertThat(web.indexOf("web/taskDefinition")).as("updates before creates").isLessThan(web.indexOf("web/logGroup"));
    }

    @Test
    void aPlanWithoutChangesIsOneLine() {
        Change same = new Change("vpc/vpc", "aws.ec2.Vpc", "vpc", Action.NOOP, Map.of(), Map.of(), List.of(), "", List.of());
        assertThat(new MarkdownPlanRenderer().render(plan(List.of(same))))
                .isEqualTo("<!-- infra diff: shop/prod -->\n### infra diff: shop / prod (us-east-1)\n\n**No changes. 1 resources up to date.**\n\n");
    }

    @Test
    void twoThousandChangedResourcesStayUnderTheCommentLimitWithTheSummaryIntact() {
        List<Change> changes = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            String svc = "svc" + s;
            for (int i = 0; i < 50; i++) {
                String address = svc + "/r" + i;
                changes.add(switch (i % 5) {
                    case 0 -> replace(address, svc, "10.0." + i + ".0/24", "10.1." + i + ".0/24");
                    case 1 -> delete(address, "aws.ecs.Service", svc);
                    case 2 -> update(address, "aws.iam.Role", svc, Map.of("inlinePolicy", policy("ssm:GetParameters")),
                            Map.of("inlinePolicy", policy("ssm:GetParameters", "kms:Decrypt", "logs:PutLogEvents")));
                    default -> create(address, "aws.ecs.TaskDefinition", svc, Map.of("containerDefinitions",
                            List.of(container(svc, "shop/" + svc + ":" + i, 3000 + i), container("sidecar", "envoy:1", 9901))));
                });
            }
        }
        Plan plan = plan(changes);
        String full = new MarkdownPlanRenderer(Integer.MAX_VALUE).render(plan);
        String md = new MarkdownPlanRenderer().render(plan);

        assertThat(full.length()).as("the whole plan would not fit").isGreaterThan(10 * MarkdownPlanRenderer.MAX_CHARS);
        assertThat(md.length()).isLessThan(MarkdownPlanRenderer.MAX_CHARS);
        String header = full.substring(0, full.indexOf("<details>"));
        assertThat(md).as("summary, counts and call-outs intact").startsWith(header);
        assertThat(header).contains("**Plan: 800 to create, 400 to update, 400 to replace, 400 to delete, 0 unchanged.**")
                .contains("| `-/+` to replace | 400 |").contains("- and 375 more");
        assertThat(md).contains("_Left out to stay under 65,000 characters (a comment's limit): the properties of ");
        assertThat(md).as("every replacement is still named, with its reason, where space allows")
                .contains("`-/+` **`svc0/r0`** `aws.ec2.Subnet` — cidrBlock forces replacement");
        assertThat(md.split("<details>", -1).length - 1 + droppedComponents(md)).isEqualTo(40);
    }

    /** The number of components the note says were left out whole (0 when none). */
    private static int droppedComponents(String md) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d,]+) whole components?").matcher(md);
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
    }

    @Test
    void theLeastImportantBlocksLoseDetailFirst() {
        Change subnet = replace("vpc/subnet1", "vpc", "10.0.0.0/20", "10.1.0.0/20");
        List<Change> changes = new ArrayList<>(List.of(subnet));
        for (int i = 0; i < 30; i++)
            changes.add(create("web/task" + i, "aws.ecs.TaskDefinition", "web", Map.of("containerDefinitions", List.of(container("web", "shop/web:" + i, 3000)))));
        Plan plan = plan(changes);
        int whole = new MarkdownPlanRenderer(Integer.MAX_VALUE).render(plan).length();
        String md = new MarkdownPlanRenderer(whole - 500).render(plan);
        assertThat(md.length()).isLessThan(whole - 500);
        assertThat(md).as("the replacement keeps its table").contains("| `cidrBlock` **forces replacement** |")
                .doesNotContain("containerDefinitions[web].image")
                .contains("_Properties of 30 resources left out (size limit)._")
                .contains("\n`+` **`web/task29`** `aws.ecs.TaskDefinition`\n");
    }
}

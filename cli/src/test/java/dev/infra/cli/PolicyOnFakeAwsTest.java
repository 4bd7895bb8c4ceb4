package dev.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infra.fixtures.aws.FakeAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra policy}: the full example's lifecycle on FakeAws with every call recorded; each call's action is allowed
 * by the printed policy of its command (deploy, diff --refresh, remove), and the diff policy allows nothing that changes.
 */
class PolicyOnFakeAwsTest {
    /** FakeAws names services as the SDK does; IAM names two of them otherwise. */
    private static final Map<String, String> IAM_PREFIX = Map.of("elbv2", "elasticloadbalancing");
    @TempDir
    Path dir;
    private FullExample example;
    private FakeAws fake;

    @BeforeEach
    void setUp() throws Exception {
        example = new FullExample(dir);
        fake = example.fake;
    }

    @AfterEach
    void forget() {
        example.close();
    }

    @Test
    void everyCallOfDeployDiffAndRemoveIsAllowedByThePolicyOfItsCommand() throws Exception {
        JsonNode deploy = policy("deploy"), diff = policy("diff"), remove = policy("remove");
        example.ok(example.run("dev", "secrets", "load", ".env"));
        fake.calls().clear();
        example.ok(example.run("dev", "deploy", "--yes"));
        assertAllowed("deploy", deploy);
        example.ok(example.run("dev", "diff", "--refresh", "--detailed-exitcode"));
        assertAllowed("diff --refresh", diff);
        example.ok(example.run("dev", "remove", "--yes"));
        assertAllowed("remove", remove);
        assertThat(actions(diff)).as("the diff policy only reads").isNotEmpty()
                .allMatch(a -> a.matches("[\\w-]+:(Describe|List|Get)\\w*") || a.matches("[\\w-]+:(Describe|List|Get)\\*"));
    }

    private JsonNode policy(String mode) throws Exception {
        Cli.Result r = example.ok(example.run("dev", "policy", "--for", mode));
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
        return doc;
    }

    private void assertAllowed(String command, JsonNode policy) {
        Set<String> called = new TreeSet<>();
        for (String op : fake.calls().all()) {
            String service = op.substring(0, op.indexOf(':'));
            called.add(IAM_PREFIX.getOrDefault(service, service) + op.substring(op.indexOf(':')));
        }
        fake.calls().clear();
        System.out.println(command + ": " + called.size() + " distinct actions called: " + called);
        List<String> allowed = actions(policy);
        assertThat(called).as(command + ": every call is allowed by its policy")
                .allMatch(a -> a.equals("sts:GetCallerIdentity") || allowed.stream().anyMatch(p -> matches(p, a)));
    }

    private static List<String> actions(JsonNode policy) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : policy.get("Statement")) {
            assertThat(s.get("Effect").asText()).isEqualTo("Allow");
            JsonNode a = s.get("Action");
            if (a.isArray()) a.forEach(x -> out.add(x.asText()));
            else out.add(a.asText());
        }
        return out;
    }

    private static boolean matches(String pattern, String action) {
        return action.toLowerCase().matches(pattern.toLowerCase().replace("*", "[\\w-]*"));
    }
}

package dev.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infra.fixtures.aws.Authorization;
import dev.infra.core.provider.ProviderConfig;
import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeAwsOverride;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra policy}: the full example's lifecycle on FakeAws with every call recorded as IAM authorises it (action
 * and resources, with their tags); each call is allowed by the printed policy of its command (deploy, diff --refresh,
 * remove), evaluated by {@link PolicyCheck}; the diff policy allows nothing that changes; and a policy missing one
 * statement, or written for another stage, is caught naming the calls it no longer covers.
 */
class PolicyOnFakeAwsTest extends OnFullExample {

    @Test
    void everyCallOfDeployDiffAndRemoveIsAllowedByThePolicyOfItsCommand() throws Exception {
        JsonNode deploy = policy("dev", "deploy"), diff = policy("dev", "diff"), remove = policy("dev", "remove");
        example.ok(example.run("dev", "secrets", "load", ".env"));
        fake.calls().clear();
        example.ok(example.run("dev", "deploy", "--yes"));
        List<Authorization> deployCalls = recorded("deploy");
        assertThat(new PolicyCheck(deploy).denied(deployCalls)).as("deploy: calls the deploy policy does not allow").isEmpty();
        example.ok(example.run("dev", "diff", "--refresh", "--detailed-exitcode"));
        assertThat(new PolicyCheck(diff).denied(recorded("diff --refresh"))).as("diff --refresh: calls the diff policy does not allow").isEmpty();
        example.ok(example.run("dev", "remove", "--yes"));
        assertThat(new PolicyCheck(remove).denied(recorded("remove"))).as("remove: calls the remove policy does not allow").isEmpty();

        assertThat(actions(diff)).as("the diff policy only reads").isNotEmpty()
                .allMatch(a -> a.matches("[\\w-]+:(Describe|List|Get)\\w*") || a.matches("[\\w-]+:(Describe|List|Get)\\*"));
        assertThat(withoutStatementGranting(deploy, "iam:PassRole").denied(deployCalls))
                .as("without the statement that passes roles, deploy's iam:PassRole calls are named, and only they").isNotEmpty()
                .allMatch(d -> d.startsWith("iam:PassRole on arn:aws:iam::" + FakeAws.ACCOUNT + ":role/"));
        List<String> otherStage = new PolicyCheck(policy("qa", "deploy")).denied(deployCalls);
        assertThat(otherStage).as("another stage's policy does not cover this stage's calls")
                .anyMatch(d -> d.startsWith("ec2:TerminateInstances") || d.startsWith("ec2:AuthorizeSecurityGroupIngress"))
                .anyMatch(d -> d.startsWith("iam:PutRolePolicy"))
                .anyMatch(d -> d.startsWith("logs:CreateLogGroup"));
    }

    /**
     * An instance's profile changed in place (no deploy of the example does it: the bastion's role keeps its profile):
     * replacing, disassociating and associating it, on the deployed bastion, are allowed by the deploy policy, with the
     * iam:PassRole of the profile's role they need.
     */
    @Test
    void changingAnInstancesProfileInPlaceIsAllowedByTheDeployPolicy() throws Exception {
        JsonNode deploy = policy("dev", "deploy");
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        Ec2Client ec2 = new FakeAwsOverride().find(Ec2Client.class, new ProviderConfig("", fake.region(), example.endpoint(), false)).orElseThrow();
        IamInstanceProfileAssociation held = ec2.describeIamInstanceProfileAssociations(b -> { }).iamInstanceProfileAssociations().stream()
                .filter(a -> a.stateAsString().equals("associated")).findFirst().orElseThrow();
        String profile = held.iamInstanceProfile().arn();
        fake.calls().clear();
        String replaced = ec2.replaceIamInstanceProfileAssociation(b -> b.associationId(held.associationId()).iamInstanceProfile(p -> p.arn(profile)))
                .iamInstanceProfileAssociation().associationId();
        fake.clock().advance(java.time.Duration.ofSeconds(10));
        ec2.disassociateIamInstanceProfile(b -> b.associationId(replaced));
        fake.clock().advance(java.time.Duration.ofSeconds(10));
        ec2.associateIamInstanceProfile(b -> b.instanceId(held.instanceId()).iamInstanceProfile(p -> p.arn(profile)));
        List<Authorization> calls = recorded("instance profile changes");
        assertThat(calls).extracting(Authorization::action).contains("ec2:ReplaceIamInstanceProfileAssociation",
                "ec2:DisassociateIamInstanceProfile", "ec2:AssociateIamInstanceProfile", "iam:PassRole");
        assertThat(new PolicyCheck(deploy).denied(calls)).as("calls the deploy policy does not allow").isEmpty();
        assertThat(withoutStatementGranting(deploy, "iam:PassRole").denied(calls)).as("the profile's role is passed").isNotEmpty()
                .allMatch(d -> d.startsWith("iam:PassRole on arn:aws:iam::" + FakeAws.ACCOUNT + ":role/"));
        assertThat(new PolicyCheck(policy("qa", "deploy")).denied(calls)).as("another stage's policy does not cover this stage's instance")
                .anyMatch(d -> d.startsWith("ec2:ReplaceIamInstanceProfileAssociation"));
    }

    private JsonNode policy(String stage, String mode) throws Exception {
        Cli.Result r = example.ok(example.run(stage, "policy", "--for", mode));
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
        return doc;
    }

    private List<Authorization> recorded(String command) {
        List<Authorization> calls = fake.calls().authorizations();
        fake.calls().clear();
        TreeSet<String> actions = new TreeSet<>();
        calls.forEach(c -> actions.add(c.action()));
        long scoped = calls.stream().filter(c -> c.resources().stream().noneMatch(r -> r.arn().equals("*"))).count();
        System.out.println(command + ": " + calls.size() + " calls (" + scoped + " on named resources), " + actions.size() + " actions");
        assertThat(calls).as(command + ": calls were recorded").isNotEmpty();
        return calls;
    }

    /** The policy without each statement that grants any of the actions (as a too-narrow hand-edited policy would be). */
    private static PolicyCheck withoutStatementGranting(JsonNode policy, String... actions) {
        ObjectNode copy = policy.deepCopy();
        ArrayNode kept = copy.putArray("Statement");
        for (JsonNode s : policy.get("Statement"))
            if (PolicyCheck.strings(s.get("Action")).stream().noneMatch(List.of(actions)::contains)) kept.add(s);
        return new PolicyCheck(copy);
    }

    private static List<String> actions(JsonNode policy) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode s : policy.get("Statement")) out.addAll(PolicyCheck.strings(s.get("Action")));
        return out;
    }
}

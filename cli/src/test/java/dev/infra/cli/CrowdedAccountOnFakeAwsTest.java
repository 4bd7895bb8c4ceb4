package dev.infra.cli;

import dev.infra.fixtures.aws.CrowdedAccount;
import dev.infra.fixtures.aws.CrowdedNeighbours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads scale with the stage, not with the account: a refreshed no-op diff of the full example makes the same calls
 * (within 2) in an account crowded with other apps' task definitions, VPCs, security groups, parameters and roles as
 * in an empty one; and remove, whose sweep lists whole types (load balancers, target groups, repositories, web ACLs,
 * CodeDeploy applications, RDS), makes no more calls (within 2) when 90 of each belong to other apps and to other
 * stages of the same app. Listings page as AWS does (400 load balancers a page...), in both accounts. GetAccountAuthorizationDetails pages as AWS does (1000 entities a page); it is the one read that
 * grows with the account's roles, a call per 1000, and a least-privilege role reads role by role instead.
 */
class CrowdedAccountOnFakeAwsTest {
    @TempDir
    Path emptyDir;
    @TempDir
    Path crowdedDir;

    @Test
    void aRefreshedNoOpDiffMakesTheSameCallsInACrowdedAccountAsInAnEmptyOne() throws Exception {
        try (FullExample empty = new FullExample(emptyDir); FullExample crowded = new FullExample(crowdedDir)) {
            CrowdedAccount.seed(crowded.fake, CrowdedAccount.Size.busy());
            CrowdedNeighbours.seed(crowded.fake, "carbon", 90);
            for (FullExample e : new FullExample[]{empty, crowded}) CrowdedNeighbours.awsPages(e.fake);
            // AWS pages GetAccountAuthorizationDetails by up to 1000 entities: the 306 roles are one page, as here
            for (FullExample e : new FullExample[]{empty, crowded}) e.fake.pageSize("iam:GetAccountAuthorizationDetails", 1000);
            Map<String, Integer> inEmpty = refreshedDiffCalls(empty);
            Map<String, Integer> inCrowded = refreshedDiffCalls(crowded);
            int e = inEmpty.values().stream().mapToInt(Integer::intValue).sum(), c = inCrowded.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("refreshed no-op diff, AWS calls: empty account " + e + ", crowded account " + c);
            Map<String, String> differ = new TreeMap<>();
            inCrowded.forEach((op, n) -> { if (!n.equals(inEmpty.get(op))) differ.put(op, inEmpty.get(op) + " -> " + n); });
            System.out.println("calls that differ: " + differ);
            assertThat(Math.abs(c - e)).as("crowded " + inCrowded + " vs empty " + inEmpty).isLessThanOrEqualTo(2);

            Map<String, Integer> removeEmpty = removeCalls(empty), removeCrowded = removeCalls(crowded);
            int re = removeEmpty.values().stream().mapToInt(Integer::intValue).sum(), rc = removeCrowded.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("remove (with its sweep), AWS calls: empty account " + re + ", crowded account " + rc);
            Map<String, String> removeDiffer = new TreeMap<>();
            removeCrowded.forEach((op, n) -> { if (!n.equals(removeEmpty.get(op))) removeDiffer.put(op, removeEmpty.get(op) + " -> " + n); });
            System.out.println("remove calls that differ: " + removeDiffer);
            assertThat(rc).as("the sweep's reads of the seeded types scale with the stage: crowded " + removeCrowded + " vs empty " + removeEmpty)
                    .isLessThanOrEqualTo(re + 2);
        }
    }

    private static Map<String, Integer> removeCalls(FullExample example) {
        example.fake.calls().clear();
        Cli.Result removed = example.ok(example.run("dev", "remove", "--yes"));
        assertThat(removed.out()).as("other apps' and stages' resources the sweep's listings return are not this stage's to mention")
                .doesNotContain("left alone");
        return example.fake.calls().counts();
    }

    private static Map<String, Integer> refreshedDiffCalls(FullExample example) {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        example.fake.calls().clear();
        example.ok(example.run("dev", "diff", "--refresh", "--detailed-exitcode"));
        return example.fake.calls().counts();
    }
}

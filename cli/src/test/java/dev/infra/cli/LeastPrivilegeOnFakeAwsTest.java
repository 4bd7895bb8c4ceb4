package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeIam;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A least-privilege CI role: IAM drift is read role by role when GetAccountAuthorizationDetails is denied (and still
 * finds a policy widened by hand); an AccessDenied during a deploy is one line naming action, resource and permission,
 * stops the deploy like any failed step, and a rerun with the permission resumes.
 */
class LeastPrivilegeOnFakeAwsTest extends OnFullExample {

    /** Where the endpoint does not implement the account-wide read (an emulator), drift is read role by role too. */
    @Test
    void iamDriftIsReadRoleByRoleWhereTheEndpointDoesNotSupportTheAccountWideRead() {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        fake.faults().unsupported("iam:GetAccountAuthorizationDetails");
        fake.calls().clear();
        example.clean("dev");
        assertThat(fake.calls().count("iam:GetRole")).as("each of the stage's roles, in each of the two diffs' one refresh").isEqualTo(6);
    }

    @Test
    void iamDriftIsReadRoleByRoleWhenTheAccountWideReadIsDenied() {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("dev", "deploy", "--yes"));
        fake.faults().deny("iam:GetAccountAuthorizationDetails");
        fake.calls().clear();
        example.clean("dev");
        assertThat(fake.calls().count("iam:GetRole")).as("each of the stage's roles, in each of the two diffs' one refresh").isEqualTo(6);
        assertThat(fake.calls().all()).filteredOn(c -> c.startsWith("iam:")).allMatch(c -> c.matches("iam:(GetRole|ListRolePolicies|GetRolePolicy|ListAttachedRolePolicies|GetInstanceProfile|GetAccountAuthorizationDetails)"));

        fake.service(FakeIam.class).putInlineByHand("carbon-dev-erp-exec", "infra", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        Cli.Result diff = example.run("dev", "diff", "--refresh", "--detailed-exitcode");
        assertThat(diff.code()).as(diff.out() + diff.err()).isEqualTo(4);
        assertThat(diff.err().lines().filter(l -> l.startsWith("note: iam:GetAccountAuthorizationDetails is not available here (")))
                .as("the choice is noted once on the command's stderr: " + diff.err()).hasSize(1);
        assertThat(diff.out()).contains("~ erp/executionRole");
    }

    /**
     * The other broad read: ssm:DescribeParameters is granted only on every parameter of the account. Denied, or not
     * supported, the stage's secrets are listed by their path instead (GetParametersByPath, granted on that path),
     * noted once on stderr (the broad read is tried once a run); with the path filter ignored too, only the stage's
     * own secrets are listed.
     */
    @Test
    void secretsAreListedByTheirPathWhereDescribeParametersIsDeniedOrUnsupported() {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        example.ok(example.run("qa", "secrets", "set", "OTHER_STAGE_ONLY", "x"));
        Cli.Result broad = example.ok(example.run("dev", "secrets", "list"));
        assertThat(broad.out()).doesNotContain("OTHER_STAGE_ONLY");
        fake.faults().deny("ssm:DescribeParameters");
        fake.calls().clear();
        Cli.Result denied = example.ok(example.run("dev", "secrets", "list"));
        assertThat(denied.out()).isEqualTo(broad.out());
        assertThat(denied.err()).doesNotContain("error");
        assertThat(denied.err().lines().filter(l -> l.startsWith("note: ssm:DescribeParameters is not available here (")))
                .as("noted once on the command's stderr: " + denied.err()).hasSize(1);
        assertThat(fake.calls().count("ssm:DescribeParameters")).as("tried once in the run, then not again").isEqualTo(1);
        assertThat(fake.calls().count("ssm:GetParametersByPath")).isPositive();

        fake.faults().allowAgain("ssm:DescribeParameters").unsupported("ssm:DescribeParameters").ignoreFilters("ssm:GetParametersByPath");
        fake.calls().clear();
        Cli.Result unsupported = example.ok(example.run("dev", "secrets", "list"));
        assertThat(unsupported.out()).isEqualTo(broad.out());
        assertThat(fake.calls().count("ssm:DescribeParameters")).isEqualTo(1);
        assertThat(fake.calls().count("ssm:GetParametersByPath")).isPositive();
    }

    @Test
    void anAccessDeniedStopsTheDeployInOneLineAndARerunWithThePermissionResumes() {
        example.ok(example.run("dev", "secrets", "load", ".env"));
        fake.faults().deny("logs:CreateLogGroup");
        Cli.Result denied = example.run("dev", "deploy", "--yes");
        assertThat(denied.code()).as(denied.out() + denied.err()).isEqualTo(1);
        assertThat((denied.out() + denied.err()).lines().filter(l -> l.contains("access denied: logs:CreateLogGroup on *; missing permission logs:CreateLogGroup")))
                .as(denied.out() + denied.err()).isNotEmpty();
        assertThat(example.run("dev", "state", "list").out()).as("what was made before is recorded").contains("vpc/vpc");

        fake.faults().allowAgain("logs:CreateLogGroup");
        Cli.Result rerun = example.ok(example.run("dev", "deploy", "--yes"));
        assertThat(rerun.out()).doesNotContain("+ vpc/vpc").contains("+ erp/logGroup");
        example.clean("dev");
    }
}

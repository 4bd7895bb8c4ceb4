package dev.infra.providers.harsh;

import dev.infra.core.provider.ResourceHandle;
import dev.infra.providers.testing.ProviderFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Harsh FakeAws: a new role or instance profile not yet usable by EC2 and RDS Proxy (CodeDeploy: CodeDeployHarshTest). */
class IamPropagationHarshTest {
    private final ProviderFixture f = new ProviderFixture();
    private final List<String> waits = new ArrayList<>();

    @Test
    void anInstanceWaitsUntilEc2SeesItsNewInstanceProfile() {
        f.fake.harsh(8);
        Network net = new Network(f);
        ResourceHandle role = f.create("net/role", "aws.iam.Role", Map.of("name", "shop-dev-bastion", "assumeRoleService", "ec2.amazonaws.com",
                "managedPolicyArns", List.of(), "createInstanceProfile", true));
        String profile = f.out(role, "instanceProfileArn");
        assertThatThrownBy(() -> f.client(Ec2Client.class).runInstances(b -> b.minCount(1).maxCount(1).imageId("ami-1")
                .iamInstanceProfile(p -> p.arn(profile)))).as("without a retry").hasMessageContaining("Invalid IAM Instance Profile");
        f.create("net/bastion", "aws.ec2.Instance", Map.of("name", "bastion", "instanceType", "t4g.nano",
                "imageSsmParameter", "/aws/service/ami", "subnetId", net.subnetA.physicalId(), "securityGroupIds", List.of(net.group.physicalId()),
                "iamInstanceProfile", profile, "metadataHttpTokens", "required", "associatePublicIpAddress", false), waits);
        assertThat(waits).first().asString().isEqualTo("EC2 cannot see instance profile " + profile + " yet (AWS propagation), 0 s");
    }

    @Test
    void aProxyWaitsUntilRdsCanUseItsNewRole() {
        f.fake.harsh(9);
        f.create("db/subnetGroup", "aws.rds.DbSubnetGroup", Map.of("name", "shop-dev-db", "description", "infra db", "subnetIds", List.of("subnet-1", "subnet-2")));
        f.create("db/cluster", "aws.rds.Cluster", RdsHarshTest.cluster(4));
        ResourceHandle role = f.create("db/proxyRole", "aws.iam.Role", Map.of("name", "shop-dev-db-proxy", "assumeRoleService", "rds.amazonaws.com",
                "managedPolicyArns", List.of()));
        String arn = f.out(role, "arn");
        assertThatThrownBy(() -> f.client(RdsClient.class).createDBProxy(b -> b.dbProxyName("x").roleArn(arn)))
                .as("without a retry").hasMessageContaining("IAM role ARN value is invalid");
        f.create("db/proxy", "aws.rds.Proxy", Map.of("name", "shop-dev-db-proxy", "engineFamily", "POSTGRESQL", "requireTls", true,
                "auth", List.of(Map.of("secretArn", "arn:aws:secretsmanager:us-east-1:000000000000:secret:db", "iamAuth", "DISABLED")),
                "roleArn", arn, "vpcSubnetIds", List.of("subnet-1", "subnet-2"), "vpcSecurityGroupIds", List.of("sg-1"),
                "targetDbClusterIdentifier", "shop-dev-db"), waits);
        assertThat(waits).first().asString().isEqualTo("RDS Proxy cannot use role " + arn + " yet (AWS propagation), 0 s");
    }

    /**
     * The model of a trust policy naming a just-created role, which no provider meets: infra's roles trust one service
     * (the only principal RolePolicies writes), never another role. Kept so that a role-to-role trust, if ever added,
     * meets the refusal here first.
     */
    @Test
    void aTrustPolicyNamingAJustCreatedRoleIsRefusedWhileInfraTrustsOnlyServices() {
        f.fake.harsh(12);
        ResourceHandle role = f.create("web/role", "aws.iam.Role", Map.of("name", "shop-dev-a", "assumeRoleService", "ecs-tasks.amazonaws.com",
                "managedPolicyArns", List.of()));
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + f.out(role, "arn")
                + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        assertThatThrownBy(() -> f.client(software.amazon.awssdk.services.iam.IamClient.class).createRole(b -> b.roleName("shop-dev-b").assumeRolePolicyDocument(trust)))
                .hasMessageContaining("MalformedPolicyDocument").hasMessageContaining("Invalid principal in policy");
        f.create("web/role2", "aws.iam.Role", Map.of("name", "shop-dev-b", "assumeRoleService", "ecs-tasks.amazonaws.com", "managedPolicyArns", List.of()), waits);
        assertThat(f.fake.service(dev.infra.fixtures.aws.FakeIam.class).getRole(b -> b.roleName("shop-dev-b")).role().assumeRolePolicyDocument())
                .as("a service principal, no role").contains("\"Service\"").doesNotContain("\"AWS\"").doesNotContain(":role/");
        assertThat(waits).isEmpty();
    }
}

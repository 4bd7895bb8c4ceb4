package dev.infra.cli;

import dev.infra.core.provider.ProviderConfig;
import dev.infra.providers.aws.AwsClients;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Changes made behind infra's back, through the SDK against the same endpoint the CLI uses (FakeAws or an emulator):
 * a security group opened to the world and an execution role allowed everything.
 */
final class HandMadeDrift {
    private final AwsClients aws;
    private final String app;
    private final String stage;

    HandMadeDrift(String endpoint, String app, String stage) {
        this.aws = new AwsClients(new ProviderConfig(null, "us-east-1", endpoint, false));
        this.app = app;
        this.stage = stage;
    }

    /** Opens the security group of {@code address} on {@code port} to 0.0.0.0/0. */
    void openToTheWorld(String address, int port) {
        Ec2Client ec2 = aws.get(Ec2Client.class, Ec2Client::builder);
        String id = ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("tag:infra:resource").values(address).build(),
                Filter.builder().name("tag:infra:stage").values(stage).build())).securityGroups().get(0).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(p -> p.ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
    }

    /** Replaces the inline policy of the stage's role whose name ends with {@code suffix} by Allow *:*. */
    void allowEverything(String suffix) {
        IamClient iam = aws.get(IamClient.class, IamClient::builder);
        String role = iam.listRoles(b -> b.pathPrefix("/infra/" + app + "/" + stage + "/")).roles().stream().map(Role::roleName)
                .filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
        iam.putRolePolicy(b -> b.roleName(role).policyName("infra")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
    }
}

package dev.infra.core.component;

import dev.infra.core.model.AuroraDef;
import dev.infra.core.model.ServiceDef;

import java.util.List;
import java.util.Map;

import static dev.infra.core.component.Inputs.map;
import static dev.infra.core.component.Inputs.ref;

/**
 * {@code type: aurora} → DbSubnetGroup on the private subnets, a SecurityGroup with one SecurityGroupIngress per
 * linking service, an encrypted Serverless v2 Cluster whose master password RDS manages in Secrets Manager, a writer
 * and {@code replicas} reader Instances (db.serverless), and an optional Proxy.
 */
final class AuroraComponent implements Component<AuroraDef> {
    static final String MASTER_USER = "infra";

    @Override
    public String type() {
        return "aurora";
    }

    static int port(AuroraDef a) {
        return a.engine() == AuroraDef.Engine.POSTGRES ? 5432 : 3306;
    }

    @Override
    public void expand(AuroraDef a, Emitter out, Expansion ctx) {
        boolean protect = ctx.config().protect();
        String engine = a.engine() == AuroraDef.Engine.POSTGRES ? "aurora-postgresql" : "aurora-mysql";
        String subnets = out.add("subnetGroup", "aws.rds.DbSubnetGroup", map("name", out.name("", Naming.DEFAULT),
                "description", "infra " + out.component(), "subnetIds", ctx.subnets(a.vpc(), true)));
        String sg = out.add("securityGroup", "aws.ec2.SecurityGroup", map("vpcId", ctx.vpcId(a.vpc()), "name", out.name("db"),
                "description", "database: linked services only", "ingress", List.of(),
                "egress", List.of(Map.of("protocol", "-1", "cidrIp", "0.0.0.0/0"))));
        for (ServiceDef s : ctx.linkers(a.name())) {
            out.add("ingressFrom-" + s.name(), "aws.ec2.SecurityGroupIngress", map("groupId", ref(sg, "id"),
                    "sourceSecurityGroupId", ref(s.name() + "/securityGroup", "id"), "protocol", "tcp",
                    "fromPort", port(a), "toPort", port(a)));
        }
        if (a.proxy()) {
            out.add("ingressFromProxy", "aws.ec2.SecurityGroupIngress", map("groupId", ref(sg, "id"),
                    "sourceSecurityGroupId", ref(sg, "id"), "protocol", "tcp", "fromPort", port(a), "toPort", port(a)));
        }
        var s = a.scaling();
        String cluster = out.add("cluster", "aws.rds.Cluster", map("dbClusterIdentifier", out.name("", Naming.RDS),
                "engine", engine, "engineVersion", a.version(), "databaseName", a.database(), "masterUsername", MASTER_USER,
                "manageMasterUserPassword", true, "storageEncrypted", true, "dbSubnetGroupName", ref(subnets, "name"),
                "vpcSecurityGroupIds", List.of(ref(sg, "id")), "port", port(a),
                "serverlessV2ScalingConfiguration", map("minCapacity", s.min(), "maxCapacity", s.max(),
                        "secondsUntilAutoPause", s.min() == 0 ? s.pauseAfter().toSeconds() : null),
                "deletionProtection", protect, "finalSnapshot", protect, "backupRetentionPeriod", 7, "copyTagsToSnapshot", true));
        for (int i = 0; i <= a.replicas(); i++) {
            String local = i == 0 ? "writer" : "reader" + i;
            out.add(local, "aws.rds.Instance", map("dbInstanceIdentifier", out.name(local, Naming.RDS),
                    "dbClusterIdentifier", ref(cluster, "id"), "dbInstanceClass", "db.serverless", "engine", engine,
                    "promotionTier", i == 0 ? 0 : 1));
        }
        if (a.proxy()) proxy(a, out, ctx, cluster, sg, engine);
    }

    private static void proxy(AuroraDef a, Emitter out, Expansion ctx, String cluster, String sg, String engine) {
        String role = out.add("proxyRole", "aws.iam.Role", map("name", out.name("proxy", Naming.IAM_ROLE),
                "assumeRoleService", "rds.amazonaws.com", "inlinePolicy", Policies.allow(
                        List.of("secretsmanager:GetSecretValue"), List.of(ref(cluster, "masterUserSecretArn")))));
        out.add("proxy", "aws.rds.Proxy", map("name", out.name("proxy", Naming.RDS),
                "engineFamily", engine.equals("aurora-postgresql") ? "POSTGRESQL" : "MYSQL", "requireTls", true,
                "auth", List.of(map("secretArn", ref(cluster, "masterUserSecretArn"), "iamAuth", "DISABLED")),
                "roleArn", ref(role, "arn"), "vpcSubnetIds", ctx.subnets(a.vpc(), true),
                "vpcSecurityGroupIds", List.of(ref(sg, "id")), "targetDbClusterIdentifier", ref(cluster, "id")));
    }

    @Override
    public Map<String, Object> outputs(AuroraDef a, Expansion ctx) {
        String c = a.name() + "/cluster";
        return map("host", a.proxy() ? ref(a.name() + "/proxy", "endpoint") : ref(c, "endpoint"),
                "readerHost", ref(c, "readerEndpoint"), "port", port(a), "database", a.database(),
                "username", MASTER_USER, "secretArn", ref(c, "masterUserSecretArn"));
    }
}

package dev.infra.providers.rds;

import dev.infra.core.component.ResourceSchema;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The RDS resource types of the aurora component, the optional RDS Proxy included. */
public final class RdsProviders {
    public static final ResourceSchema DB_SUBNET_GROUP = ResourceSchema.of("aws.rds.DbSubnetGroup")
            .takesInputs("name:string", "description:string", "subnetIds:list").forceNew("name").outputs("name", "arn").named("name");
    public static final ResourceSchema CLUSTER = ResourceSchema.of("aws.rds.Cluster")
            .takesInputs("dbClusterIdentifier:string", "engine:string", "engineVersion:string", "databaseName:string",
            "masterUsername:string", "manageMasterUserPassword:boolean", "storageEncrypted:boolean", "dbSubnetGroupName:string",
            "vpcSecurityGroupIds:list", "port:number", "serverlessV2ScalingConfiguration:object", "deletionProtection:boolean",
            "finalSnapshot:boolean", "backupRetentionPeriod:number", "copyTagsToSnapshot:boolean").forceNew("dbClusterIdentifier", "engine", "databaseName", "dbSubnetGroupName", "storageEncrypted", "masterUsername", "manageMasterUserPassword")
            .outputs("id", "arn", "endpoint", "readerEndpoint", "port", "masterUserSecretArn").holdsData()
            .named("dbClusterIdentifier").takes(600).snapshotsOnDelete();
    public static final ResourceSchema INSTANCE = ResourceSchema.of("aws.rds.Instance")
            .takesInputs("dbInstanceIdentifier:string", "dbClusterIdentifier:string", "dbInstanceClass:string", "engine:string",
            "promotionTier:number").forceNew("dbInstanceIdentifier", "dbClusterIdentifier", "engine").outputs("id", "arn", "endpoint")
            .holdsData().named("dbInstanceIdentifier").takes(480);
    public static final ResourceSchema PROXY = ResourceSchema.of("aws.rds.Proxy")
            .takesInputs("name:string", "engineFamily:string", "requireTls:boolean", "auth:list", "roleArn:string", "vpcSubnetIds:list",
            "vpcSecurityGroupIds:list", "targetDbClusterIdentifier:string").forceNew("name", "engineFamily", "vpcSubnetIds").outputs("arn", "endpoint").named("name").takes(300);

    private RdsProviders() { }

    /** The schemas of this package's types. */
    public static List<ResourceSchema> schemas() {
        return List.of(DB_SUBNET_GROUP, CLUSTER, INSTANCE, PROXY);
    }

    public static List<ResourceProvider> all(Aws aws) {
        Rds rds = new Rds(aws);
        return List.of(new DbSubnetGroupProvider(rds), new ClusterProvider(rds), new InstanceProvider(rds), new ProxyProvider(rds));
    }
}

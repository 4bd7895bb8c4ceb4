package dev.infra.core.component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.infra.core.component.ReplaceOrder.CREATE_FIRST;

/**
 * The schema of every concrete resource type the components emit, one declaration per type: which inputs force a
 * replacement (AWS cannot change them in place), which outputs a provider returns, which of them an in-place update
 * changes (an image's URI; a web ACL's lock token; every other output here is fixed for the resource's life: ARNs,
 * ids, names, endpoints), which types hold data, the input naming it, and how a replacement runs.
 *
 * <p>Replacements create first ({@code CREATE_FIRST}) where the old and new resource can coexist: none of those
 * types has a unique name, and what forces their replacement also makes the new one distinct (another revision,
 * CIDR destination, port, subnet, listener or load balancer). Every other type is replaced delete-first: a name
 * (security group, role, load balancer, target group, cluster, service, log group, repository, database, web ACL),
 * a subnet's CIDR block in its VPC, a resource's single web ACL association, or a NAT gateway's Elastic IP (a NAT
 * gateway moved to another subnet keeps its address, which one gateway at a time can hold) is unique.
 */
public final class ResourceTypes {
    public static final String ACCOUNT_TYPE = "aws.sts.Account";
    /** The delete-time input that asks a database for a final snapshot. */
    public static final String FINAL_SNAPSHOT = "finalSnapshot";
    private static final Map<String, ResourceSchema> ALL = new TreeMap<>();

    static {
        def(ResourceSchema.of(ACCOUNT_TYPE).outputs("accountId", "partition"));
        network();
        def(ResourceSchema.of("aws.iam.Role")
                .takesInputs("name:string", "assumeRoleService:string", "managedPolicyArns:list?", "inlinePolicy:object?",
                "createInstanceProfile:boolean?").forceNew("name").outputs("arn", "name", "instanceProfileArn").named("name"));
        def(ResourceSchema.of("aws.logs.LogGroup")
                .takesInputs("logGroupName:string", "retentionInDays:number").forceNew("logGroupName").outputs("name", "arn").holdsData().named("logGroupName"));
        def(ResourceSchema.of("aws.ecr.Repository")
                .takesInputs("repositoryName:string", "imageTagMutability:string", "scanOnPush:boolean", "encryptionType:string").forceNew("repositoryName", "encryptionType").outputs("arn", "repositoryUrl").holdsData().named("repositoryName"));
        def(ResourceSchema.of("docker.Image")
                .takesInputs("context:string", "dockerfile:string", "contentDigest:string", "repositoryUrl:string", "platform:string").outputs("imageUri", "digest").changedByUpdate(ImageTag::predict, "imageUri", "digest").takes(90));
        containers();
        def(ResourceSchema.of("aws.codedeploy.Application")
                .takesInputs("applicationName:string", "computePlatform:string").forceNew("applicationName", "computePlatform").outputs("name", "id").named("applicationName"));
        def(ResourceSchema.of("aws.codedeploy.DeploymentGroup")
                .takesInputs("applicationName:string", "deploymentGroupName:string", "serviceRoleArn:string",
                "deploymentConfigName:string", "ecsService:object", "terminationWaitMinutes:number", "autoRollbackEvents:list",
                "targetGroupNames:list", "prodListenerArns:list", "testListenerArns:list").forceNew("applicationName", "deploymentGroupName").outputs("id", "name")
                .named("deploymentGroupName").takes(10));
        databases();
        def(ResourceSchema.of("aws.wafv2.WebAcl")
                .takesInputs("name:string", "scope:string", "defaultAction:string", "rules:list", "visibilityConfig:object").forceNew("name", "scope").outputs("id", "arn", "lockToken")
                .changedByUpdate(ResourceSchema.Predictor.NONE, "lockToken").named("name").takes(10));
        def(ResourceSchema.of("aws.wafv2.Association")
                .takesInputs("webAclArn:string", "resourceArn:string").forceNew("webAclArn", "resourceArn").outputs("id"));
    }

    private static void network() {
        def(ResourceSchema.of("aws.ec2.Vpc")
                .takesInputs("cidrBlock:string", "enableDnsHostnames:boolean", "enableDnsSupport:boolean", "name:string").forceNew("cidrBlock").outputs("id", "arn").replacing(CREATE_FIRST).named("name").takes(5));
        def(ResourceSchema.of("aws.ec2.InternetGateway")
                .takesInputs("vpcId:string", "name:string").forceNew("vpcId").outputs("id").replacing(CREATE_FIRST).named("name"));
        def(ResourceSchema.of("aws.ec2.RouteTable")
                .takesInputs("vpcId:string", "name:string").forceNew("vpcId").outputs("id").replacing(CREATE_FIRST).named("name"));
        def(ResourceSchema.of("aws.ec2.Route")
                .takesInputs("routeTableId:string", "destinationCidrBlock:string", "gatewayId:string?", "natGatewayId:string?",
                "networkInterfaceId:string?").forceNew("routeTableId", "destinationCidrBlock").outputs("id").replacing(CREATE_FIRST));
        def(ResourceSchema.of("aws.ec2.Subnet")
                .takesInputs("vpcId:string", "cidrBlock:string", "availabilityZone:string", "mapPublicIpOnLaunch:boolean", "name:string").forceNew("vpcId", "cidrBlock", "availabilityZone").outputs("id", "arn").named("name").takes(5));
        def(ResourceSchema.of("aws.ec2.RouteTableAssociation")
                .takesInputs("routeTableId:string", "subnetId:string").forceNew("subnetId").outputs("id").replacing(CREATE_FIRST));
        def(ResourceSchema.of("aws.ec2.Eip")
                .takesInputs("domain:string", "name:string").forceNew("domain").outputs("id", "allocationId", "publicIp").replacing(CREATE_FIRST).named("name"));
        def(ResourceSchema.of("aws.ec2.NatGateway")
                .takesInputs("subnetId:string", "allocationId:string", "name:string").forceNew("subnetId", "allocationId").outputs("id").named("name").takes(120));
        def(ResourceSchema.of("aws.ec2.Instance")
                .takesInputs("name:string", "instanceType:string", "imageSsmParameter:string", "subnetId:string",
                "securityGroupIds:list", "iamInstanceProfile:string?", "metadataHttpTokens:string", "associatePublicIpAddress:boolean",
                "sourceDestCheck:boolean?", "userData:string?").forceNew("imageSsmParameter", "subnetId", "instanceType", "associatePublicIpAddress", "userData")
                .outputs("id", "primaryNetworkInterfaceId", "privateIp").replacing(CREATE_FIRST).named("name").takes(60));
        def(ResourceSchema.of("aws.ec2.SecurityGroup")
                .takesInputs("vpcId:string", "name:string", "description:string", "ingress:list", "egress:list").forceNew("vpcId", "name", "description").outputs("id", "arn").named("name"));
        def(ResourceSchema.of("aws.ec2.SecurityGroupIngress")
                .takesInputs("groupId:string", "sourceSecurityGroupId:string", "protocol:string", "fromPort:number",
                "toPort:number").forceNew("groupId", "sourceSecurityGroupId", "fromPort", "toPort", "protocol")
                .outputs("id").replacing(CREATE_FIRST));
    }

    private static void containers() {
        def(ResourceSchema.of("aws.ecs.Cluster")
                .takesInputs("name:string", "containerInsights:string").forceNew("name").outputs("arn", "name").named("name"));
        def(ResourceSchema.of("aws.ecs.TaskDefinition")
                .takesInputs("family:string", "cpu:string", "memory:string", "networkMode:string", "requiresCompatibilities:list",
                "executionRoleArn:string", "taskRoleArn:string", "containerDefinitions:list").forceNew("family", "cpu", "memory", "containerDefinitions", "executionRoleArn",
                "taskRoleArn", "networkMode", "requiresCompatibilities").outputs("arn", "revision").replacing(CREATE_FIRST).named("family"));
        def(ResourceSchema.of("aws.ecs.Service")
                .takesInputs("serviceName:string", "cluster:string", "taskDefinition:string", "desiredCount:number", "launchType:string",
                "subnets:list", "securityGroups:list", "assignPublicIp:boolean", "deploymentController:string", "codeDeploy:object?",
                "deploymentCircuitBreaker:object?", "healthCheckGracePeriodSeconds:number?", "loadBalancers:list").forceNew("serviceName", "cluster", "launchType", "deploymentController", "loadBalancers")
                .outputs("arn", "name").named("serviceName").takes(240));
        def(ResourceSchema.of("aws.elbv2.LoadBalancer")
                .takesInputs("name:string", "scheme:string", "type:string", "subnets:list", "securityGroups:list").forceNew("name", "scheme", "type", "subnets").outputs("arn", "dnsName", "zoneId").named("name").takes(180));
        def(ResourceSchema.of("aws.elbv2.TargetGroup")
                .takesInputs("name:string", "port:number", "protocol:string", "targetType:string", "vpcId:string",
                "deregistrationDelaySeconds:number", "healthCheck:object").forceNew("name", "port", "protocol", "vpcId", "targetType").outputs("arn", "name").named("name"));
        def(ResourceSchema.of("aws.elbv2.Listener")
                .takesInputs("loadBalancerArn:string", "port:number", "protocol:string", "certificateArn:string?", "defaultAction:object").forceNew("loadBalancerArn").outputs("arn").replacing(CREATE_FIRST));
        def(ResourceSchema.of("aws.elbv2.ListenerRule")
                .takesInputs("listenerArn:string", "priority:number", "pathPatterns:list", "action:object").forceNew("listenerArn").outputs("arn").replacing(CREATE_FIRST));
        def(ResourceSchema.of("aws.appautoscaling.Target")
                .takesInputs("serviceNamespace:string", "resourceId:string", "scalableDimension:string", "minCapacity:number",
                "maxCapacity:number").forceNew("serviceNamespace", "resourceId", "scalableDimension").outputs("id")
                .replacing(CREATE_FIRST));
        def(ResourceSchema.of("aws.appautoscaling.Policy")
                .takesInputs("policyName:string", "serviceNamespace:string", "resourceId:string", "scalableDimension:string",
                "policyType:string", "targetValue:number", "predefinedMetricType:string", "scaleInCooldown:number", "scaleOutCooldown:number").forceNew("policyName", "serviceNamespace", "resourceId", "scalableDimension")
                .outputs("arn").replacing(CREATE_FIRST).named("policyName"));
    }

    private static void databases() {
        def(ResourceSchema.of("aws.rds.DbSubnetGroup")
                .takesInputs("name:string", "description:string", "subnetIds:list").forceNew("name").outputs("name", "arn").named("name"));
        def(ResourceSchema.of("aws.rds.Cluster")
                .takesInputs("dbClusterIdentifier:string", "engine:string", "engineVersion:string", "databaseName:string",
                "masterUsername:string", "manageMasterUserPassword:boolean", "storageEncrypted:boolean", "dbSubnetGroupName:string",
                "vpcSecurityGroupIds:list", "port:number", "serverlessV2ScalingConfiguration:object", "deletionProtection:boolean",
                "finalSnapshot:boolean", "backupRetentionPeriod:number", "copyTagsToSnapshot:boolean").forceNew("dbClusterIdentifier", "engine", "databaseName", "dbSubnetGroupName", "storageEncrypted", "masterUsername", "manageMasterUserPassword")
                .outputs("id", "arn", "endpoint", "readerEndpoint", "port", "masterUserSecretArn").holdsData()
                .named("dbClusterIdentifier").takes(600).snapshotsOnDelete());
        def(ResourceSchema.of("aws.rds.Instance")
                .takesInputs("dbInstanceIdentifier:string", "dbClusterIdentifier:string", "dbInstanceClass:string", "engine:string",
                "promotionTier:number").forceNew("dbInstanceIdentifier", "dbClusterIdentifier", "engine").outputs("id", "arn", "endpoint")
                .holdsData().named("dbInstanceIdentifier").takes(480));
        def(ResourceSchema.of("aws.rds.Proxy")
                .takesInputs("name:string", "engineFamily:string", "requireTls:boolean", "auth:list", "roleArn:string", "vpcSubnetIds:list",
                "vpcSecurityGroupIds:list", "targetDbClusterIdentifier:string").forceNew("name", "engineFamily", "vpcSubnetIds").outputs("arn", "endpoint").named("name").takes(300));
    }

    private ResourceTypes() { }

    private static void def(ResourceSchema schema) {
        ALL.put(schema.type(), schema);
    }

    /** Whether deleting this type can take a final snapshot ({@link #FINAL_SNAPSHOT} in its inputs). */
    public static boolean snapshotsOnDelete(String type) {
        return find(type).map(ResourceSchema::snapshotOnDelete).orElse(false);
    }

    public static int typicalSeconds(String type) {
        return find(type).map(ResourceSchema::typicalSeconds).orElse(3);
    }

    public static Map<String, ResourceSchema> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    public static Optional<ResourceSchema> find(String type) {
        return Optional.ofNullable(ALL.get(type));
    }
}

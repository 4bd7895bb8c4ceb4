package dev.infra.core.component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The schema of every concrete resource type the components emit: which inputs force a replacement (AWS cannot
 * change them in place), which outputs a provider returns, which of them an in-place update changes (an image's
 * URI; a web ACL's lock token; every other output here is fixed for the resource's life: ARNs, ids, names,
 * endpoints), and which types hold data. The planner reads this; a
 * provider must return at least these outputs.
 */
public final class ResourceTypes {
    public static final String ACCOUNT_TYPE = "aws.sts.Account";
    private static final Map<String, ResourceSchema> ALL = new TreeMap<>();
    /**
     * Types whose old and new resource can coexist, so a replacement creates the new one first: none of them has a
     * unique name, and what forces their replacement also makes the new one distinct (another revision, CIDR
     * destination, port, subnet, listener or load balancer). Every other type is replaced delete-first: a name
     * (security group, role, load balancer, target group, cluster, service, log group, repository, database, web
     * ACL), a subnet's CIDR block in its VPC, a resource's single web ACL association, or a NAT gateway's Elastic IP
     * (a NAT gateway moved to another subnet keeps its address, which one gateway at a time can hold) is unique.
     */
    private static final Set<String> CREATE_FIRST = Set.of("aws.ecs.TaskDefinition", "aws.ec2.SecurityGroupIngress",
            "aws.ec2.Route", "aws.ec2.RouteTable", "aws.ec2.RouteTableAssociation", "aws.ec2.Eip",
            "aws.ec2.InternetGateway", "aws.ec2.Instance", "aws.ec2.Vpc", "aws.elbv2.Listener", "aws.elbv2.ListenerRule",
            "aws.appautoscaling.Target", "aws.appautoscaling.Policy");

    static {
        def(ACCOUNT_TYPE, s(), s("accountId", "partition"), false);
        def("aws.ec2.Vpc", s("cidrBlock"), s("id", "arn"), false);
        def("aws.ec2.InternetGateway", s("vpcId"), s("id"), false);
        def("aws.ec2.RouteTable", s("vpcId"), s("id"), false);
        def("aws.ec2.Route", s("routeTableId", "destinationCidrBlock"), s("id"), false);
        def("aws.ec2.Subnet", s("vpcId", "cidrBlock", "availabilityZone"), s("id", "arn"), false);
        def("aws.ec2.RouteTableAssociation", s("subnetId"), s("id"), false);
        def("aws.ec2.Eip", s("domain"), s("id", "allocationId", "publicIp"), false);
        def("aws.ec2.NatGateway", s("subnetId", "allocationId"), s("id"), false);
        def("aws.ec2.Instance", s("imageSsmParameter", "subnetId", "instanceType"), s("id", "primaryNetworkInterfaceId", "privateIp"), false);
        def("aws.ec2.SecurityGroup", s("vpcId", "name", "description"), s("id", "arn"), false);
        def("aws.ec2.SecurityGroupIngress", s("groupId", "sourceSecurityGroupId", "fromPort", "toPort", "protocol"), s("id"), false);
        def("aws.iam.Role", s("name"), s("arn", "name", "instanceProfileArn"), false);
        def("aws.logs.LogGroup", s("logGroupName"), s("name", "arn"), true);
        def("aws.ecr.Repository", s("repositoryName"), s("arn", "repositoryUrl"), true);
        ALL.put("docker.Image", new ResourceSchema("docker.Image", s(), s("imageUri", "digest"), false,
                s("imageUri", "digest"), ImageTag::predict));
        def("aws.ecs.Cluster", s("name"), s("arn", "name"), false);
        def("aws.ecs.TaskDefinition", s("family", "cpu", "memory", "containerDefinitions", "executionRoleArn",
                "taskRoleArn", "networkMode", "requiresCompatibilities"), s("arn", "revision"), false);
        def("aws.ecs.Service", s("serviceName", "cluster", "launchType", "deploymentController", "loadBalancers"), s("arn", "name"), false);
        def("aws.elbv2.LoadBalancer", s("name", "scheme", "subnets"), s("arn", "dnsName", "zoneId"), false);
        def("aws.elbv2.TargetGroup", s("name", "port", "protocol", "vpcId", "targetType"), s("arn", "name"), false);
        def("aws.elbv2.Listener", s("loadBalancerArn"), s("arn"), false);
        def("aws.elbv2.ListenerRule", s("listenerArn"), s("arn"), false);
        def("aws.appautoscaling.Target", s("serviceNamespace", "resourceId", "scalableDimension"), s("id"), false);
        def("aws.appautoscaling.Policy", s("policyName", "serviceNamespace", "resourceId", "scalableDimension"), s("arn"), false);
        def("aws.codedeploy.Application", s("applicationName"), s("name", "id"), false);
        def("aws.codedeploy.DeploymentGroup", s("applicationName", "deploymentGroupName"), s("id", "name"), false);
        def("aws.rds.DbSubnetGroup", s("name"), s("name", "arn"), false);
        def("aws.rds.Cluster", s("dbClusterIdentifier", "engine", "databaseName", "dbSubnetGroupName", "storageEncrypted"),
                s("id", "arn", "endpoint", "readerEndpoint", "port", "masterUserSecretArn"), true);
        def("aws.rds.Instance", s("dbInstanceIdentifier", "dbClusterIdentifier", "engine"), s("id", "arn", "endpoint"), true);
        def("aws.rds.Proxy", s("name", "engineFamily", "vpcSubnetIds"), s("arn", "endpoint"), false);
        ALL.put("aws.wafv2.WebAcl", new ResourceSchema("aws.wafv2.WebAcl", s("name", "scope"), s("id", "arn", "lockToken"), false,
                s("lockToken"), ResourceSchema.Predictor.NONE));
        def("aws.wafv2.Association", s("webAclArn", "resourceArn"), s("id"), false);
    }

    /**
     * How long a create typically takes in AWS, in seconds: the executor starts the ready step with the longest
     * expected chain behind it first. Rough figures from experience; only their proportions matter.
     */
    private static final Map<String, Integer> TYPICAL_SECONDS = Map.ofEntries(
            Map.entry("aws.rds.Cluster", 600), Map.entry("aws.rds.Instance", 480), Map.entry("aws.rds.Proxy", 300),
            Map.entry("aws.ec2.NatGateway", 120), Map.entry("aws.elbv2.LoadBalancer", 180), Map.entry("aws.ecs.Service", 240),
            Map.entry("aws.ec2.Instance", 60), Map.entry("docker.Image", 90), Map.entry("aws.ec2.Vpc", 5),
            Map.entry("aws.ec2.Subnet", 5), Map.entry("aws.codedeploy.DeploymentGroup", 10), Map.entry("aws.wafv2.WebAcl", 10));
    private static final int DEFAULT_SECONDS = 3;
    /** The delete-time input that asks a database for a final snapshot. */
    public static final String FINAL_SNAPSHOT = "finalSnapshot";
    private static final Set<String> SNAPSHOT_ON_DELETE = Set.of("aws.rds.Cluster");

    private ResourceTypes() { }

    /** Whether deleting this type can take a final snapshot ({@link #FINAL_SNAPSHOT} in its inputs). */
    public static boolean snapshotsOnDelete(String type) {
        return SNAPSHOT_ON_DELETE.contains(type);
    }

    public static int typicalSeconds(String type) {
        return TYPICAL_SECONDS.getOrDefault(type, DEFAULT_SECONDS);
    }

    private static Set<String> s(String... values) {
        return Set.of(values);
    }

    private static void def(String type, Set<String> forceNew, Set<String> outputs, boolean stateful) {
        ResourceSchema schema = new ResourceSchema(type, forceNew, outputs, stateful);
        ALL.put(type, CREATE_FIRST.contains(type) ? schema.replacing(ReplaceOrder.CREATE_FIRST) : schema);
    }

    public static Map<String, ResourceSchema> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    public static Optional<ResourceSchema> find(String type) {
        return Optional.ofNullable(ALL.get(type));
    }
}

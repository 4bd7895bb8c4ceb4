package dev.infra.cli.stage;

import dev.infra.core.component.Naming;
import dev.infra.core.component.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy a CI role needs to run one command for one app and stage: per service, the actions that read (every
 * command), those that create and change (deploy) and those that delete, detach and revoke (deploy and remove).
 * Resources are scoped as far as AWS lets a policy scope each action:
 * <ul>
 *   <li>by name, where the ARN carries the stage's naming: roles and instance profiles under {@code /infra/APP/STAGE/},
 *   log groups under {@code /infra/APP/STAGE/}, repositories, clusters, services, CodeDeploy applications and web ACLs
 *   named {@code APP-STAGE-*}, parameters under {@code /APP/STAGE/};</li>
 *   <li>by tags, where names are ids (EC2) or not checked here (ELB, RDS): creates only with
 *   {@code aws:RequestTag/infra:app} and {@code infra:stage} of this stage, changes and deletes only on resources whose
 *   {@code aws:ResourceTag} says so;</li>
 *   <li>on {@code *} where AWS authorises the action on nothing narrower: Describe/List/Get reads, ECR's token,
 *   ECS task definition deregistration, CodeDeploy's ContinueDeployment, Application Auto Scaling.</li>
 * </ul>
 * Tagging on create needs the service's tagging action too (ec2:CreateTags, ecs:TagResource...), granted with the create.
 */
public final class StagePolicy {
    public enum Mode { DIFF, DEPLOY, REMOVE }

    /** A statement's actions by the command that needs them, its resources and its condition (none when empty). */
    private record Group(String sid, String service, List<String> read, List<String> change, List<String> delete, List<String> resources,
                         Map<String, Object> condition) { }

    private StagePolicy() { }

    /** The policy, with the statements for the stage's state in S3 ({@link StatePolicy}; none for a file state). */
    public static Map<String, Object> of(String app, String stage, String region, Mode mode, String stateUrl) {
        Map<String, Object> doc = of(app, stage, region, mode);
        @SuppressWarnings("unchecked")
        List<Object> statements = (List<Object>) doc.get("Statement");
        statements.addAll(StatePolicy.statements(stateUrl, app, stage, region, mode));
        return doc;
    }

    public static Map<String, Object> of(String app, String stage, String region, Mode mode) {
        List<Object> statements = new ArrayList<>();
        for (Group g : groups(app, stage, region)) {
            List<String> actions = new ArrayList<>(g.read());
            if (mode == Mode.DEPLOY) actions.addAll(g.change());
            if (mode != Mode.DIFF) actions.addAll(g.delete());
            if (actions.isEmpty()) continue;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("Sid", g.sid());
            s.put("Effect", "Allow");
            s.put("Action", actions.stream().map(a -> g.service() + ":" + a).distinct().toList());
            s.put("Resource", g.resources().size() == 1 ? g.resources().get(0) : g.resources());
            if (!g.condition().isEmpty()) s.put("Condition", g.condition());
            statements.add(s);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return doc;
    }

    private static List<Group> groups(String app, String stage, String region) {
        String prefix = app + "-" + stage + "-", path = Naming.stagePath(app, stage);
        Map<String, Object> created = tags("aws:RequestTag/", app, stage), owned = tags("aws:ResourceTag/", app, stage);
        List<Group> out = new ArrayList<>();
        out.addAll(reads(app, stage, region, prefix, path));
        out.addAll(ec2(created, owned, region));
        out.addAll(List.of(
                tagged("ElbCreate", "elasticloadbalancing", List.of("CreateLoadBalancer", "CreateTargetGroup", "CreateListener", "CreateRule", "AddTags"),
                        List.of(), created),
                tagged("Elb", "elasticloadbalancing", List.of("SetSecurityGroups", "ModifyTargetGroup", "ModifyTargetGroupAttributes", "ModifyListener",
                        "ModifyRule", "SetRulePriorities", "AddTags", "SetWebAcl"), List.of("DeleteRule", "DeleteListener", "DeleteTargetGroup",
                        "DeleteLoadBalancer", "SetWebAcl"), owned),
                tagged("EcsCreate", "ecs", List.of("CreateCluster", "CreateService", "RegisterTaskDefinition", "TagResource"), List.of(), created),
                named("Ecs", "ecs", List.of("UpdateClusterSettings", "UpdateService", "TagResource"), List.of("DeleteService", "DeleteCluster"),
                        "arn:aws:ecs:" + region + ":*:cluster/" + prefix + "*", "arn:aws:ecs:" + region + ":*:service/" + prefix + "*/" + prefix + "*"),
                named("EcsTaskDefinitions", "ecs", List.of(), List.of("DeregisterTaskDefinition", "DeleteTaskDefinitions"), "*"),
                named("EcrToken", "ecr", List.of("GetAuthorizationToken"), List.of(), "*"),
                named("Ecr", "ecr", List.of("CreateRepository", "PutImageScanningConfiguration", "PutImageTagMutability", "TagResource",
                        "BatchCheckLayerAvailability", "InitiateLayerUpload", "UploadLayerPart", "CompleteLayerUpload", "PutImage", "BatchGetImage",
                        "GetDownloadUrlForLayer"), List.of("DeleteRepository"), "arn:aws:ecr:" + region + ":*:repository/" + prefix + "*"),
                named("Logs", "logs", List.of("CreateLogGroup", "PutRetentionPolicy", "TagResource", "TagLogGroup"), List.of("DeleteLogGroup"),
                        "arn:aws:logs:" + region + ":*:log-group:" + path + "*"),
                named("EcsLinkedRole", "iam", List.of("CreateServiceLinkedRole"), List.of(),
                        "arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"),
                named("Iam", "iam", List.of("CreateRole", "TagRole", "UpdateAssumeRolePolicy", "PutRolePolicy", "AttachRolePolicy", "CreateInstanceProfile",
                                "TagInstanceProfile", "AddRoleToInstanceProfile"),
                        List.of("DetachRolePolicy", "DeleteRolePolicy", "RemoveRoleFromInstanceProfile", "DeleteInstanceProfile", "DeleteRole"),
                        "arn:aws:iam::*:role" + path + "*", "arn:aws:iam::*:instance-profile" + path + "*"),
                named("PassRole", "iam", List.of("PassRole"), List.of(), "arn:aws:iam::*:role" + path + "*"),
                tagged("RdsCreate", "rds", List.of("CreateDBSubnetGroup", "CreateDBCluster", "CreateDBInstance", "CreateDBProxy", "AddTagsToResource"),
                        List.of(), created),
                tagged("Rds", "rds", List.of("ModifyDBSubnetGroup", "ModifyDBCluster", "ModifyDBInstance", "ModifyDBProxy", "RegisterDBProxyTargets",
                        "AddTagsToResource"), List.of("DeregisterDBProxyTargets", "DeleteDBProxy", "DeleteDBInstance", "DeleteDBCluster",
                        "DeleteDBSubnetGroup", "CreateDBClusterSnapshot"), owned),
                named("CodeDeploy", "codedeploy", List.of("CreateApplication", "CreateDeploymentGroup", "UpdateDeploymentGroup", "CreateDeployment",
                        "TagResource"), List.of("DeleteDeploymentGroup", "DeleteApplication"), "arn:aws:codedeploy:" + region + ":*:application:" + prefix + "*",
                        "arn:aws:codedeploy:" + region + ":*:deploymentgroup:" + prefix + "*/*"),
                named("CodeDeployContinue", "codedeploy", List.of("ContinueDeployment"), List.of(), "*"),
                named("Waf", "wafv2", List.of("CreateWebACL", "UpdateWebACL", "TagResource", "AssociateWebACL"), List.of("DisassociateWebACL", "DeleteWebACL"),
                        "arn:aws:wafv2:" + region + ":*:regional/webacl/" + prefix + "*/*", "arn:aws:elasticloadbalancing:" + region + ":*:loadbalancer/app/*"),
                named("AutoScaling", "application-autoscaling", List.of("RegisterScalableTarget", "PutScalingPolicy", "TagResource"),
                        List.of("DeleteScalingPolicy", "DeregisterScalableTarget"), "*")));
        return out;
    }

    /** What every command reads: on {@code *} where AWS takes nothing narrower, IAM roles and parameters by path. */
    private static List<Group> reads(String app, String stage, String region, String prefix, String path) {
        return List.of(
                new Group("Read", "ec2", List.of("Describe*"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadLoadBalancing", "elasticloadbalancing", List.of("Describe*"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadEcs", "ecs", List.of("Describe*", "List*"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadEcr", "ecr", List.of("DescribeRepositories", "DescribeImages", "ListTagsForResource"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadLogs", "logs", List.of("DescribeLogGroups", "ListTagsForResource", "ListTagsLogGroup"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadIamAccount", "iam", List.of("GetAccountAuthorizationDetails", "ListRoles"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadIam", "iam", List.of("GetRole", "ListRoleTags", "ListRolePolicies", "GetRolePolicy", "ListAttachedRolePolicies", "GetInstanceProfile"),
                        List.of(), List.of(), List.of("arn:aws:iam::*:role" + path + "*", "arn:aws:iam::*:instance-profile" + path + "*",
                        "arn:aws:iam::*:instance-profile/" + prefix + "*"), Map.of()),
                new Group("ReadRds", "rds", List.of("Describe*", "ListTagsForResource"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadCodeDeploy", "codedeploy", List.of("Get*", "List*"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadWaf", "wafv2", List.of("Get*", "List*"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadAutoScaling", "application-autoscaling", List.of("Describe*", "ListTagsForResource"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadParameterNames", "ssm", List.of("DescribeParameters"), List.of(), List.of(), List.of("*"), Map.of()),
                new Group("ReadParameters", "ssm", List.of("GetParameters", "GetParametersByPath"), List.of(), List.of(),
                        List.of("arn:aws:ssm:" + region + ":*:parameter/" + app + "/" + stage, "arn:aws:ssm:" + region + ":*:parameter/" + app + "/" + stage + "/*"),
                        Map.of()));
    }

    /**
     * EC2 names everything by id, so it is scoped by tags: creates (and their tags) only carrying this stage's tags,
     * changes and deletes only of resources tagged with it. A security group rule's own ARN is granted as such: the
     * group it belongs to is the tag-checked resource of the same call.
     */
    private static List<Group> ec2(Map<String, Object> created, Map<String, Object> owned, String region) {
        return List.of(
                tagged("Ec2Create", "ec2", List.of("CreateVpc", "CreateSubnet", "CreateInternetGateway", "CreateRouteTable", "CreateSecurityGroup",
                        "AllocateAddress", "CreateNatGateway", "RunInstances", "CreateTags"), List.of(), created),
                tagged("Ec2", "ec2", List.of("ModifyVpcAttribute", "ModifySubnetAttribute", "AttachInternetGateway", "CreateRoute", "ReplaceRoute",
                        "AssociateRouteTable", "ReplaceRouteTableAssociation", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                        "ModifyInstanceAttribute", "ModifyInstanceMetadataOptions", "AssociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation",
                        "CreateTags"), List.of("RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "DeleteSecurityGroup",
                        "DisassociateIamInstanceProfile", "TerminateInstances", "DeleteNatGateway", "ReleaseAddress", "DeleteRoute", "DisassociateRouteTable", "DeleteRouteTable",
                        "DetachInternetGateway", "DeleteInternetGateway", "DeleteSubnet", "DeleteVpc"), owned),
                named("Ec2SecurityGroupRules", "ec2", List.of("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"),
                        List.of("RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress"), "arn:aws:ec2:" + region + ":*:security-group-rule/*"));
    }

    private static Group tagged(String sid, String service, List<String> change, List<String> delete, Map<String, Object> condition) {
        return new Group(sid, service, List.of(), change, delete, List.of("*"), condition);
    }

    private static Group named(String sid, String service, List<String> change, List<String> delete, String... resources) {
        return new Group(sid, service, List.of(), change, delete, List.of(resources), Map.of());
    }

    private static Map<String, Object> tags(String key, String app, String stage) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(key + Tags.APP, app);
        values.put(key + Tags.STAGE, stage);
        return Map.of("StringEquals", values);
    }
}

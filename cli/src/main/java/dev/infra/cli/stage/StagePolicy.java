package dev.infra.cli.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy a CI role needs to run one command for one app and stage: per service, the actions that read (every
 * command), those that create and change (deploy) and those that delete, detach and revoke (deploy and remove).
 * Resources are scoped to the stage's naming wherever AWS takes an ARN pattern for the action: roles and instance
 * profiles under {@code /infra/APP/STAGE/}, log groups under {@code /infra/APP/STAGE/}, repositories
 * {@code APP-STAGE-*}, secrets under {@code /APP/STAGE/}; actions AWS only grants on {@code *} (Describe and List
 * calls, EC2 and ELB creates) stay on {@code *}.
 */
public final class StagePolicy {
    public enum Mode { DIFF, DEPLOY, REMOVE }

    /** One service's actions, and the resources they may touch ({@code *} when AWS scopes them no further). */
    private record Group(String sid, String service, List<String> read, List<String> change, List<String> delete, List<String> resources) { }

    private StagePolicy() { }

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
            statements.add(s);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return doc;
    }

    private static List<Group> groups(String app, String stage, String region) {
        String prefix = app + "-" + stage + "-", path = "/infra/" + app + "/" + stage + "/";
        List<String> any = List.of("*");
        return List.of(
                new Group("Ec2", "ec2", List.of("Describe*"), List.of("CreateVpc", "ModifyVpcAttribute", "CreateSubnet", "ModifySubnetAttribute",
                        "CreateInternetGateway", "AttachInternetGateway", "CreateRouteTable", "CreateRoute", "ReplaceRoute", "AssociateRouteTable",
                        "ReplaceRouteTableAssociation", "AllocateAddress", "CreateNatGateway", "CreateSecurityGroup", "AuthorizeSecurityGroupIngress",
                        "AuthorizeSecurityGroupEgress", "RunInstances", "ModifyInstanceAttribute", "ModifyInstanceMetadataOptions", "CreateTags"),
                        List.of("RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "DeleteSecurityGroup", "TerminateInstances", "DeleteNatGateway",
                                "ReleaseAddress", "DeleteRoute", "DisassociateRouteTable", "DeleteRouteTable", "DetachInternetGateway",
                                "DeleteInternetGateway", "DeleteSubnet", "DeleteVpc"), any),
                new Group("LoadBalancing", "elasticloadbalancing", List.of("Describe*"), List.of("CreateLoadBalancer", "SetSecurityGroups",
                        "CreateTargetGroup", "ModifyTargetGroup", "ModifyTargetGroupAttributes", "CreateListener", "ModifyListener", "CreateRule",
                        "ModifyRule", "SetRulePriorities", "AddTags"), List.of("DeleteRule", "DeleteListener", "DeleteTargetGroup", "DeleteLoadBalancer"), any),
                new Group("Ecs", "ecs", List.of("Describe*", "List*"), List.of("CreateCluster", "UpdateClusterSettings", "RegisterTaskDefinition",
                        "CreateService", "UpdateService", "TagResource"), List.of("DeleteService", "DeregisterTaskDefinition", "DeleteTaskDefinitions",
                        "DeleteCluster"), any),
                new Group("EcrToken", "ecr", List.of(), List.of("GetAuthorizationToken"), List.of(), any),
                new Group("EcrRead", "ecr", List.of("DescribeRepositories", "DescribeImages", "ListTagsForResource"), List.of(), List.of(), any),
                new Group("Ecr", "ecr", List.of(), List.of("CreateRepository", "PutImageScanningConfiguration", "PutImageTagMutability", "TagResource",
                        "BatchCheckLayerAvailability", "InitiateLayerUpload", "UploadLayerPart", "CompleteLayerUpload", "PutImage", "BatchGetImage",
                        "GetDownloadUrlForLayer"), List.of("DeleteRepository"), List.of("arn:aws:ecr:" + region + ":*:repository/" + prefix + "*")),
                new Group("LogsRead", "logs", List.of("DescribeLogGroups", "ListTagsForResource", "ListTagsLogGroup"), List.of(), List.of(), any),
                new Group("Logs", "logs", List.of(), List.of("CreateLogGroup", "PutRetentionPolicy", "TagResource", "TagLogGroup"), List.of("DeleteLogGroup"),
                        List.of("arn:aws:logs:" + region + ":*:log-group:" + path + "*")),
                new Group("IamRead", "iam", List.of("GetAccountAuthorizationDetails", "ListRoles"), List.of(), List.of(), any),
                new Group("EcsLinkedRole", "iam", List.of(), List.of("CreateServiceLinkedRole"), List.of(),
                        List.of("arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS")),
                new Group("Iam", "iam", List.of("GetRole", "ListRoleTags", "ListRolePolicies", "GetRolePolicy", "ListAttachedRolePolicies", "GetInstanceProfile"),
                        List.of("CreateRole", "TagRole", "UpdateAssumeRolePolicy", "PutRolePolicy", "AttachRolePolicy", "CreateInstanceProfile",
                                "AddRoleToInstanceProfile", "PassRole"),
                        List.of("DetachRolePolicy", "DeleteRolePolicy", "RemoveRoleFromInstanceProfile", "DeleteInstanceProfile", "DeleteRole"),
                        List.of("arn:aws:iam::*:role" + path + "*", "arn:aws:iam::*:instance-profile" + path + "*")),
                new Group("Rds", "rds", List.of("Describe*", "ListTagsForResource"), List.of("CreateDBSubnetGroup", "ModifyDBSubnetGroup", "CreateDBCluster",
                        "ModifyDBCluster", "CreateDBInstance", "ModifyDBInstance", "CreateDBProxy", "ModifyDBProxy", "RegisterDBProxyTargets",
                        "AddTagsToResource"), List.of("DeregisterDBProxyTargets", "DeleteDBProxy", "DeleteDBInstance", "DeleteDBCluster",
                        "DeleteDBSubnetGroup", "CreateDBClusterSnapshot"), any),
                new Group("CodeDeploy", "codedeploy", List.of("Get*", "List*"), List.of("CreateApplication", "CreateDeploymentGroup",
                        "UpdateDeploymentGroup", "CreateDeployment", "ContinueDeployment", "TagResource"), List.of("DeleteDeploymentGroup",
                        "DeleteApplication"), any),
                new Group("Waf", "wafv2", List.of("Get*", "List*"), List.of("CreateWebACL", "UpdateWebACL", "AssociateWebACL", "TagResource"),
                        List.of("DisassociateWebACL", "DeleteWebACL"), any),
                new Group("AutoScaling", "application-autoscaling", List.of("Describe*", "ListTagsForResource"), List.of("RegisterScalableTarget",
                        "PutScalingPolicy", "TagResource"), List.of("DeleteScalingPolicy", "DeregisterScalableTarget"), any),
                new Group("SecretsList", "ssm", List.of("DescribeParameters"), List.of(), List.of(), any),
                new Group("SecretsRead", "ssm", List.of("GetParameters"), List.of(), List.of(), List.of("arn:aws:ssm:" + region + ":*:parameter/" + app + "/" + stage + "/*")));
    }
}

package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import dev.infra.fixtures.aws.FakeEc2;
import dev.infra.fixtures.aws.FakeEcr;
import dev.infra.fixtures.aws.FakeEcs;
import dev.infra.fixtures.aws.FakeElb;
import dev.infra.fixtures.aws.FakeIam;
import dev.infra.fixtures.aws.FakeLogs;
import dev.infra.fixtures.aws.FakeRds;
import dev.infra.fixtures.aws.FakeSsm;
import dev.infra.fixtures.aws.FakeWafv2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every resource of a FakeAws account, read through the fakes' own APIs without filters: one line per resource, its id,
 * the fields that identify it (and every rule of every security group), and the stage its tags claim. What the
 * neighbour tests compare before and after a remove. Resources AWS still shows after deletion (terminated instances,
 * deleted NAT gateways, inactive services) are left out.
 */
final class AccountSnapshot {
    private final FakeAws fake;
    /** line -> "app/stage/address" from its tags ("" for none) */
    private final Map<String, String> lines = new TreeMap<>();

    private AccountSnapshot(FakeAws fake) {
        this.fake = fake;
    }

    static Map<String, String> of(FakeAws fake) {
        AccountSnapshot s = new AccountSnapshot(fake);
        s.ec2();
        s.elb();
        s.others();
        return s.lines;
    }

    /** Lines whose tags do not claim app/stage (or claim it for an address in {@code unknown}). */
    static Set<String> except(Map<String, String> snapshot, String app, String stage, Set<String> unknown) {
        Set<String> out = new TreeSet<>();
        String prefix = app + "/" + stage + "/";
        snapshot.forEach((line, owner) -> {
            if (!owner.startsWith(prefix) || unknown.contains(owner.substring(prefix.length()))) out.add(line);
        });
        return out;
    }

    private void add(String id, String line) {
        add(id, id, line);
    }

    /** A part of {@code parent} (a group's rule, a VPC's main route table) belongs where its parent does unless tagged itself. */
    private void add(String id, String parent, String line) {
        Map<String, String> t = fake.tagsOf(id).isEmpty() ? fake.tagsOf(parent) : fake.tagsOf(id);
        lines.put(line, !t.containsKey("infra:app") ? "" : t.get("infra:app") + "/" + t.getOrDefault("infra:stage", "") + "/" + t.getOrDefault("infra:resource", ""));
    }

    private static <R, T> List<T> all(Function<String, R> call, Function<R, String> next, Function<R, List<T>> items) {
        List<T> out = new ArrayList<>();
        String token = null;
        do {
            R r = call.apply(token);
            out.addAll(items.apply(r));
            token = next.apply(r);
        } while (token != null && !token.isEmpty());
        return out;
    }

    private void ec2() {
        FakeEc2 ec2 = fake.service(FakeEc2.class);
        all(t -> ec2.describeVpcs(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.vpcs()).forEach(v -> add(v.vpcId(), "vpc " + v.vpcId() + " " + v.cidrBlock()));
        all(t -> ec2.describeSubnets(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.subnets())
                .forEach(s -> add(s.subnetId(), "subnet " + s.subnetId() + " " + s.vpcId() + " " + s.cidrBlock()));
        all(t -> ec2.describeSecurityGroups(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.securityGroups())
                .forEach(g -> add(g.groupId(), "sg " + g.groupId() + " " + g.groupName() + " in " + g.ipPermissions() + " out " + g.ipPermissionsEgress()));
        all(t -> ec2.describeSecurityGroupRules(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.securityGroupRules())
                .forEach(x -> add(x.securityGroupRuleId(), x.groupId(), "sg-rule " + x.securityGroupRuleId() + " " + x.groupId() + " egress=" + x.isEgress()
                        + " " + x.ipProtocol() + " " + x.fromPort() + "-" + x.toPort() + " " + x.cidrIpv4() + " " + x.referencedGroupInfo()));
        ec2.describeAddresses(b -> { }).addresses().forEach(a -> add(a.allocationId(), "eip " + a.allocationId() + " " + a.publicIp()));
        all(t -> ec2.describeNatGateways(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.natGateways()).stream()
                .filter(n -> !n.stateAsString().startsWith("delet")).forEach(n -> add(n.natGatewayId(), "nat " + n.natGatewayId() + " " + n.subnetId()));
        all(t -> ec2.describeInternetGateways(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.internetGateways())
                .forEach(g -> add(g.internetGatewayId(), "igw " + g.internetGatewayId() + " " + g.attachments()));
        all(t -> ec2.describeRouteTables(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.routeTables())
                .forEach(x -> add(x.routeTableId(), x.vpcId(), "rtb " + x.routeTableId() + " " + x.routes() + " " + x.associations()));
        all(t -> ec2.describeInstances(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.reservations()).stream()
                .flatMap(r -> r.instances().stream()).filter(i -> !i.state().nameAsString().matches("terminated|shutting-down"))
                .forEach(i -> add(i.instanceId(), "instance " + i.instanceId() + " " + i.subnetId()));
    }

    private void elb() {
        FakeElb elb = fake.service(FakeElb.class);
        var lbs = all(t -> elb.describeLoadBalancers(b -> b.marker(t)), r -> r.nextMarker(), r -> r.loadBalancers());
        for (var lb : lbs) {
            add(lb.loadBalancerArn(), "lb " + lb.loadBalancerArn());
            for (var l : all(t -> elb.describeListeners(b -> b.loadBalancerArn(lb.loadBalancerArn()).marker(t)), r -> r.nextMarker(), r -> r.listeners())) {
                add(l.listenerArn(), "listener " + l.listenerArn() + " " + l.loadBalancerArn() + " " + l.port());
                all(t -> elb.describeRules(b -> b.listenerArn(l.listenerArn()).marker(t)), r -> r.nextMarker(), r -> r.rules()).stream()
                        .filter(x -> !Boolean.TRUE.equals(x.isDefault())).forEach(x -> add(x.ruleArn(), "rule " + x.ruleArn() + " " + x.priority()));
            }
        }
        all(t -> elb.describeTargetGroups(b -> b.marker(t)), r -> r.nextMarker(), r -> r.targetGroups())
                .forEach(g -> add(g.targetGroupArn(), "tg " + g.targetGroupArn()));
    }

    private void others() {
        FakeEcs ecs = fake.service(FakeEcs.class);
        for (String c : all(t -> ecs.listClusters(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.clusterArns())) {
            add(c, "cluster " + c);
            all(t -> ecs.listServices(b -> b.cluster(c).nextToken(t)), r -> r.nextToken(), r -> r.serviceArns()).forEach(s -> add(s, "service " + s));
        }
        all(t -> ecs.listTaskDefinitions(b -> b.status("ACTIVE").nextToken(t)), r -> r.nextToken(), r -> r.taskDefinitionArns())
                .forEach(d -> add(d, "taskdef " + d));
        FakeLogs logs = fake.service(FakeLogs.class);
        all(t -> logs.describeLogGroups(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.logGroups())
                .forEach(g -> add(g.logGroupArn(), "log-group " + g.logGroupName()));
        FakeIam iam = fake.service(FakeIam.class);
        all(t -> iam.listRoles(b -> b.marker(t)), r -> Boolean.TRUE.equals(r.isTruncated()) ? r.marker() : null, r -> r.roles())
                .forEach(x -> add(x.arn(), "role " + x.path() + x.roleName() + " " + iam.listRolePolicies(b -> b.roleName(x.roleName())).policyNames()));
        FakeRds rds = fake.service(FakeRds.class);
        all(t -> rds.describeDBClusters(b -> b.marker(t)), r -> r.marker(), r -> r.dbClusters())
                .forEach(c -> add(c.dbClusterArn(), "db-cluster " + c.dbClusterIdentifier()));
        all(t -> rds.describeDBSubnetGroups(b -> b.marker(t)), r -> r.marker(), r -> r.dbSubnetGroups())
                .forEach(g -> add(g.dbSubnetGroupArn(), "db-subnet-group " + g.dbSubnetGroupName()));
        FakeEcr ecr = fake.service(FakeEcr.class);
        all(t -> ecr.describeRepositories(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.repositories())
                .forEach(x -> add(x.repositoryArn(), "repository " + x.repositoryName()));
        FakeWafv2 waf = fake.service(FakeWafv2.class);
        waf.listWebACLs(b -> b.scope("REGIONAL").limit(100)).webACLs().forEach(a -> add(a.arn(), "web-acl " + a.arn()));
        FakeSsm ssm = fake.service(FakeSsm.class);
        all(t -> ssm.describeParameters(b -> b.nextToken(t)), r -> r.nextToken(), r -> r.parameters())
                .forEach(p -> lines.put("parameter " + p.name(), ""));
    }
}

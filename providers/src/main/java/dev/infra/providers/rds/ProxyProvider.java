package dev.infra.providers.rds;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.core.provider.WaitReporter;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import dev.infra.providers.aws.Transient;
import software.amazon.awssdk.services.rds.model.AuthScheme;
import software.amazon.awssdk.services.rds.model.DBProxy;
import software.amazon.awssdk.services.rds.model.DBProxyTarget;
import software.amazon.awssdk.services.rds.model.DescribeDbProxiesResponse;
import software.amazon.awssdk.services.rds.model.TargetType;
import software.amazon.awssdk.services.rds.model.UserAuthConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * aws.rds.Proxy: an RDS Proxy in front of an Aurora cluster, authenticating with the cluster's managed secret. Create
 * waits until the proxy is available (minutes) and registers the cluster in the {@code default} target group; a rerun
 * after a crash adopts the proxy and registers the cluster if it is not yet. Auth, TLS, role and security groups change
 * in place (ModifyDBProxy, awaited); a new target cluster is deregistered and registered; name, engine family and
 * subnets cannot change (replacement). A read is one DescribeDBProxies and one DescribeDBProxyTargets per proxy.
 */
final class ProxyProvider implements ResourceProvider {
    static final String TARGET_GROUP = "default";
    private final Rds rds;

    ProxyProvider(Rds rds) {
        this.rds = rds;
    }

    @Override
    public String type() {
        return RdsProviders.PROXY.type();
    }

    /** The proxy's role made moments ago, not yet usable by RDS (TPA does not retry this; 2 min is our choice). */
    private static final Transient NEW_ROLE = Transient.propagation("RDS Proxy cannot use role %s yet", Transient.IAM_PROPAGATION,
            "InvalidParameterValue", "IAM role ARN value is invalid");

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String name = Props.str(in, "name");
        try {
            rds.aws().settleRun(Props.str(in, "roleArn"), r.waits(), () -> rds.client().createDBProxy(b -> b.dbProxyName(name).engineFamily(Props.str(in, "engineFamily"))
                    .auth(auth(in)).roleArn(Props.str(in, "roleArn")).vpcSubnetIds(Props.strings(in, "vpcSubnetIds"))
                    .vpcSecurityGroupIds(Props.strings(in, "vpcSecurityGroupIds")).requireTLS(Props.bool(in, "requireTls"))
                    .tags(Rds.tags(r.tags()))), NEW_ROLE);
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
        return registered(name, in, r.waits());
    }

    /** Awaits the proxy, then registers the wanted cluster unless it already is (a resumed create). */
    private Applied registered(String name, Map<String, Object> in, WaitReporter waits) {
        DBProxy p = awaitAvailable(name, waits);
        String cluster = Props.str(in, "targetDbClusterIdentifier");
        if (!Objects.equals(target(name).orElse(null), cluster)) register(name, cluster);
        return applied(p);
    }

    private static List<UserAuthConfig> auth(Map<String, Object> in) {
        return Props.maps(in, "auth").stream().map(a -> UserAuthConfig.builder().authScheme(AuthScheme.SECRETS)
                .secretArn(Props.str(a, "secretArn")).iamAuth(Props.str(a, "iamAuth")).build()).toList();
    }

    private void register(String name, String cluster) {
        rds.aws().run(() -> rds.client().registerDBProxyTargets(b -> b.dbProxyName(name).targetGroupName(TARGET_GROUP)
                .dbClusterIdentifiers(cluster)));
    }

    private DBProxy awaitAvailable(String name, WaitReporter waits) {
        rds.awaitAvailable("database proxy " + name, waits, () -> one(name).map(DBProxy::statusAsString).orElse(null));
        return one(name).orElseThrow();
    }

    private Optional<DBProxy> one(String name) {
        try {
            return rds.aws().call(() -> rds.client().describeDBProxies(b -> b.dbProxyName(name))).dbProxies().stream().findFirst();
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return Optional.empty();
            throw e;
        }
    }

    /** The cluster behind the proxy (its tracked-cluster target), if any. */
    private Optional<String> target(String name) {
        return rds.aws().call(() -> rds.client().describeDBProxyTargets(b -> b.dbProxyName(name).targetGroupName(TARGET_GROUP)))
                .targets().stream().filter(t -> t.type() == TargetType.TRACKED_CLUSTER).map(DBProxyTarget::rdsResourceId).findFirst();
    }

    private static Applied applied(DBProxy p) {
        return new Applied(p.dbProxyName(), Map.of("arn", p.dbProxyArn(), "endpoint", p.endpoint()));
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return one(Props.str(r.inputs(), "name")).filter(p -> Owned.byRequest(rds.tagsOf(p.dbProxyArn()), r))
                .map(p -> registered(p.dbProxyName(), r.inputs(), r.waits()));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, Observed> out = new LinkedHashMap<>();
        for (ResourceHandle h : handles) {
            one(h.physicalId()).ifPresent(p -> out.put(h.address(), new Observed(p.dbProxyName(), live(p, h.inputs()), applied(p).outputs())));
        }
        return out;
    }

    private Map<String, Object> live(DBProxy p, Map<String, Object> recorded) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", p.dbProxyName());
        in.put("engineFamily", p.engineFamily());
        in.put("requireTls", p.requireTLS());
        in.put("auth", p.auth().stream().map(a -> Map.<String, Object>of("secretArn", a.secretArn(), "iamAuth", a.iamAuthAsString())).toList());
        in.put("roleArn", p.roleArn());
        in.put("vpcSubnetIds", Props.inRecordedOrder(p.vpcSubnetIds(), recorded, "vpcSubnetIds"));
        in.put("vpcSecurityGroupIds", Props.inRecordedOrder(p.vpcSecurityGroupIds(), recorded, "vpcSecurityGroupIds"));
        in.put("targetDbClusterIdentifier", target(p.dbProxyName()).orElse(null));
        return in;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String name = current.physicalId();
        rds.aws().settleRun(Props.str(in, "roleArn"), r.waits(), () -> rds.client().modifyDBProxy(b -> b.dbProxyName(name).auth(auth(in))
                .requireTLS(Props.bool(in, "requireTls")).roleArn(Props.str(in, "roleArn")).securityGroups(Props.strings(in, "vpcSecurityGroupIds"))), NEW_ROLE);
        DBProxy p = awaitAvailable(name, r.waits());
        String was = target(name).orElse(null);
        String wanted = Props.str(in, "targetDbClusterIdentifier");
        if (was != null && !was.equals(wanted)) {
            rds.aws().ignoringNotFound(() -> rds.client().deregisterDBProxyTargets(b -> b.dbProxyName(name)
                    .targetGroupName(TARGET_GROUP).dbClusterIdentifiers(was)));
        }
        if (!Objects.equals(was, wanted)) register(name, wanted);
        return applied(p);
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        String name = h.physicalId();
        rds.aws().ignoringNotFound(() -> rds.client().deleteDBProxy(b -> b.dbProxyName(name)));
        rds.awaitGone("database proxy " + name, waits, () -> one(name).map(DBProxy::statusAsString).orElse(null));
    }

    /** Proxies named with the stage's prefix (DescribeDBProxies has no name-prefix or tag filter): only those have their tags read. */
    @Override
    public List<Found> findTagged(StageContext stage) {
        String prefix = StageNames.prefix(stage, dev.infra.core.component.Naming.RDS);
        List<Found> out = new ArrayList<>();
        for (DBProxy p : Pages.all(rds.aws().retry(), m -> rds.client().describeDBProxies(b -> b.marker(m)),
                DescribeDbProxiesResponse::marker, DescribeDbProxiesResponse::dbProxies)) {
            if (p.dbProxyName().startsWith(prefix))
                out.add(new Found(type(), p.dbProxyName(), rds.tagsOf(p.dbProxyArn()), applied(p).outputs()));
        }
        return out;
    }
}

package dev.infra.providers.rds;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.Found;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.core.provider.StageContext;
import dev.infra.providers.aws.StageNames;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsResponse;
import software.amazon.awssdk.services.rds.model.Subnet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.rds.DbSubnetGroup on the private subnets; subnets and description change in place. RDS cannot filter subnet
 * groups, so a read is one paged DescribeDBSubnetGroups of the region (kept to those asked). Delete waits while a
 * cluster still uses the group ({@code InvalidDBSubnetGroupStateFault}, also while that cluster is deleting), for the
 * delete budget of {@value #DELETE_MINUTES} min, then fails with RDS's message ({@code Aws.deleteWhenUnused}).
 */
final class DbSubnetGroupProvider implements ResourceProvider {
    private static final int DELETE_MINUTES = 20;
    private final Rds rds;

    DbSubnetGroupProvider(Rds rds) {
        this.rds = rds;
    }

    @Override
    public String type() {
        return RdsProviders.DB_SUBNET_GROUP.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        try {
            DBSubnetGroup g = rds.aws().call(() -> rds.client().createDBSubnetGroup(b -> b.dbSubnetGroupName(Props.str(in, "name"))
                    .dbSubnetGroupDescription(Props.str(in, "description")).subnetIds(Props.strings(in, "subnetIds"))
                    .tags(Rds.tags(r.tags())))).dbSubnetGroup();
            return applied(g);
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    private static Applied applied(DBSubnetGroup g) {
        return new Applied(g.dbSubnetGroupName(), Map.of("name", g.dbSubnetGroupName(), "arn", g.dbSubnetGroupArn()));
    }

    private List<DBSubnetGroup> all() {
        return Pages.all(rds.aws().retry(), m -> rds.client().describeDBSubnetGroups(b -> b.marker(m)),
                DescribeDbSubnetGroupsResponse::marker, DescribeDbSubnetGroupsResponse::dbSubnetGroups);
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String name = Props.str(r.inputs(), "name");
        return all().stream().filter(g -> g.dbSubnetGroupName().equals(name)).filter(g -> Owned.byRequest(rds.tagsOf(g.dbSubnetGroupArn()), r))
                .findFirst().map(DbSubnetGroupProvider::applied);
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byName = new HashMap<>();
        handles.forEach(h -> byName.put(h.physicalId(), h));
        Map<String, Observed> out = new HashMap<>();
        for (DBSubnetGroup g : all()) {
            ResourceHandle h = byName.get(g.dbSubnetGroupName());
            if (h == null) continue;
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", g.dbSubnetGroupName());
            in.put("description", g.dbSubnetGroupDescription());
            in.put("subnetIds", Props.inRecordedOrder(g.subnets().stream().map(Subnet::subnetIdentifier).toList(), h.inputs(), "subnetIds"));
            out.put(h.address(), new Observed(g.dbSubnetGroupName(), in, applied(g).outputs()));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        return applied(rds.aws().call(() -> rds.client().modifyDBSubnetGroup(b -> b.dbSubnetGroupName(current.physicalId())
                .dbSubnetGroupDescription(Props.str(in, "description")).subnetIds(Props.strings(in, "subnetIds")))).dbSubnetGroup());
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        rds.aws().deleteWhenUnused("DB subnet group " + h.physicalId(), Duration.ofMinutes(DELETE_MINUTES), waits,
                () -> rds.client().deleteDBSubnetGroup(b -> b.dbSubnetGroupName(h.physicalId())));
    }

    /** Subnet groups named with the stage's prefix (DescribeDBSubnetGroups has no name-prefix or tag filter): only those have their tags read. */
    @Override
    public List<Found> findTagged(StageContext stage) {
        String prefix = StageNames.prefix(stage);
        List<Found> out = new ArrayList<>();
        for (DBSubnetGroup g : all()) {
            if (g.dbSubnetGroupName().startsWith(prefix))
                out.add(new Found(type(), g.dbSubnetGroupName(), rds.tagsOf(g.dbSubnetGroupArn()), applied(g).outputs()));
        }
        return out;
    }
}

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
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Owned;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.rds.Instance: a cluster member (db.serverless), the writer at promotion tier 0 and readers at 1. Awaited until
 * available on create and on a tier or class change (in place); deleted without snapshot (the cluster's is the backup). A
 * read is one DescribeDBInstances filtered by up to 100 ids; tags come with it.
 */
final class InstanceProvider implements ResourceProvider {
    private final Rds rds;

    InstanceProvider(Rds rds) {
        this.rds = rds;
    }

    @Override
    public String type() {
        return RdsProviders.INSTANCE.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        String id = Props.str(in, "dbInstanceIdentifier");
        try {
            rds.createAfterDeleting("database instance " + id, r.waits(), () -> rds.client().createDBInstance(b -> b.dbInstanceIdentifier(id).dbClusterIdentifier(Props.str(in, "dbClusterIdentifier"))
                    .dbInstanceClass(Props.str(in, "dbInstanceClass")).engine(Props.str(in, "engine"))
                    .promotionTier(Props.integer(in, "promotionTier")).tags(Rds.tags(r.tags()))), () -> status(id));
        } catch (RuntimeException e) {
            if (AwsErrors.isAlreadyExists(e)) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
        return applied(awaitAvailable(id, r.waits()));
    }

    private DBInstance awaitAvailable(String id, WaitReporter waits) {
        rds.awaitAvailable("database instance " + id, waits, () -> one(id).map(DBInstance::dbInstanceStatus).orElse(null));
        return one(id).orElseThrow();
    }

    private String status(String id) {
        return one(id).map(DBInstance::dbInstanceStatus).orElse(null);
    }

    private Optional<DBInstance> one(String id) {
        return describe(List.of(id)).stream().findFirst();
    }

    private List<DBInstance> describe(List<String> ids) {
        return rds.byIds("db-instance-id", ids, (f, m) -> rds.client().describeDBInstances(b -> b.filters(f).marker(m)),
                DescribeDbInstancesResponse::marker, DescribeDbInstancesResponse::dbInstances);
    }

    private static Applied applied(DBInstance i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.dbInstanceIdentifier());
        out.put("arn", i.dbInstanceArn());
        if (i.endpoint() != null) out.put("endpoint", i.endpoint().address());
        return new Applied(i.dbInstanceIdentifier(), out);
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        return one(Props.str(r.inputs(), "dbInstanceIdentifier")).filter(i -> Owned.byRequest(Rds.tags(i.tagList()), r))
                .map(i -> applied(awaitAvailable(i.dbInstanceIdentifier(), r.waits())));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, ResourceHandle> byId = new HashMap<>();
        handles.forEach(h -> byId.put(h.physicalId(), h));
        Map<String, Observed> out = new HashMap<>();
        for (DBInstance i : describe(new ArrayList<>(byId.keySet()))) {
            ResourceHandle h = byId.get(i.dbInstanceIdentifier());
            if (h == null) continue;
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("dbInstanceIdentifier", i.dbInstanceIdentifier());
            in.put("dbClusterIdentifier", i.dbClusterIdentifier());
            in.put("dbInstanceClass", i.dbInstanceClass());
            in.put("engine", i.engine());
            in.put("promotionTier", i.promotionTier());
            out.put(h.address(), new Observed(i.dbInstanceIdentifier(), in, applied(i).outputs()));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        String id = current.physicalId();
        String instanceClass = Props.str(r.inputs(), "dbInstanceClass");
        boolean resize = !java.util.Objects.equals(Props.str(current.inputs(), "dbInstanceClass"), instanceClass);
        rds.aws().run(() -> rds.client().modifyDBInstance(b -> b.dbInstanceIdentifier(id).applyImmediately(true)
                .promotionTier(Props.integer(r.inputs(), "promotionTier")).dbInstanceClass(resize ? instanceClass : null)));
        return applied(awaitAvailable(id, r.waits()));
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        String id = h.physicalId();
        rds.aws().deleteWhenUnused("database instance " + id, Rds.CREATE_TIMEOUT, waits,
                Rds.unlessDeleting(() -> rds.client().deleteDBInstance(b -> b.dbInstanceIdentifier(id).skipFinalSnapshot(true)), () -> status(id)));
        rds.awaitGone("database instance " + id, waits, () -> status(id));
    }

    /**
     * Every instance of the region (DescribeDBInstances' filters take exact identifiers only, no prefix or tag), 100 a
     * page, each with its tags in the listing: no call per instance; the tags then judge.
     */
    @Override
    public List<Found> findTagged(StageContext stage) {
        List<Found> out = new ArrayList<>();
        for (DBInstance i : Pages.all(rds.aws().retry(), m -> rds.client().describeDBInstances(b -> b.marker(m)),
                DescribeDbInstancesResponse::marker, DescribeDbInstancesResponse::dbInstances))
            out.add(new Found(type(), i.dbInstanceIdentifier(), Rds.tags(i.tagList()), Map.of(), applied(i).outputs(),
                    i.dbClusterIdentifier() == null ? java.util.Set.of() : java.util.Set.of(i.dbClusterIdentifier())));
        return out;
    }
}

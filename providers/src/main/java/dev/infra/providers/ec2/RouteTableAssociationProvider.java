package dev.infra.providers.ec2;

import dev.infra.core.provider.AlreadyExistsException;
import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceProvider;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.AwsErrors;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** aws.ec2.RouteTableAssociation: a subnet's route table; a new table is a ReplaceRouteTableAssociation in place. */
final class RouteTableAssociationProvider implements ResourceProvider {
    private final Aws aws;

    RouteTableAssociationProvider(Aws aws) {
        this.aws = aws;
    }

    private Ec2Client ec2() {
        return aws.client(Ec2Client.class, Ec2Client::builder);
    }

    @Override
    public String type() {
        return Ec2Providers.ROUTE_TABLE_ASSOCIATION.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        try {
            String id = aws.settle("route table " + Props.str(r.inputs(), "routeTableId"), r.waits(), () -> ec2().associateRouteTable(b -> b
                    .routeTableId(Props.str(r.inputs(), "routeTableId")).subnetId(Props.str(r.inputs(), "subnetId"))), NewIds.NOT_VISIBLE).associationId();
            return new Applied(id, Map.of("id", id));
        } catch (RuntimeException e) {
            if (AwsErrors.code(e).equals("Resource.AlreadyAssociated")) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String subnet = Props.str(r.inputs(), "subnetId");
        Optional<RouteTableAssociation> a = associations("association.subnet-id", List.of(subnet)).stream()
                .filter(x -> subnet.equals(x.subnetId())).findFirst();
        if (a.isEmpty()) return Optional.empty();
        String id = a.get().routeTableId().equals(Props.str(r.inputs(), "routeTableId")) ? a.get().routeTableAssociationId()
                : replace(a.get().routeTableAssociationId(), r);
        return Optional.of(new Applied(id, Map.of("id", id)));
    }

    private List<RouteTableAssociation> associations(String filter, List<String> values) {
        return RouteTableProvider.describeTables(aws, ec2(), List.of(TaggedEc2Provider.filter(filter, values))).stream()
                .map(RouteTable::associations).flatMap(List::stream).toList();
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, RouteTableAssociation> byId = new HashMap<>();
        associations("association.route-table-association-id", handles.stream().map(ResourceHandle::physicalId).toList())
                .forEach(a -> byId.put(a.routeTableAssociationId(), a));
        Map<String, Observed> out = new HashMap<>();
        for (ResourceHandle h : handles) {
            RouteTableAssociation a = byId.get(h.physicalId());
            if (a != null) out.put(h.address(), new Observed(h.physicalId(),
                    Map.of("routeTableId", a.routeTableId(), "subnetId", a.subnetId()), Map.of("id", h.physicalId())));
        }
        return out;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        String id = replace(current.physicalId(), r);
        return new Applied(id, Map.of("id", id));
    }

    private String replace(String associationId, ResourceRequest r) {
        return aws.call(() -> ec2().replaceRouteTableAssociation(b -> b.associationId(associationId)
                .routeTableId(Props.str(r.inputs(), "routeTableId")))).newAssociationId();
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.ignoringNotFound(() -> ec2().disassociateRouteTable(b -> b.associationId(h.physicalId())));
    }
}

package dev.infra.providers.ec2;

import dev.infra.core.provider.WaitReporter;
import dev.infra.core.provider.Applied;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.provider.ResourceRequest;
import dev.infra.providers.aws.Aws;
import dev.infra.providers.aws.Pages;
import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Map;

/** aws.ec2.RouteTable: routes and associations are resources of their own. */
final class RouteTableProvider extends TaggedEc2Provider<RouteTable> {
    RouteTableProvider(Aws aws) {
        super(aws, "route-table-id", ResourceType.ROUTE_TABLE);
    }

    @Override
    public String type() {
        return Ec2Providers.ROUTE_TABLE.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        return finish(aws.call(() -> ec2().createRouteTable(b -> b.vpcId(Props.str(r.inputs(), "vpcId"))
                .clientToken(r.idempotencyToken()).tagSpecifications(tagSpec(r)))).routeTable(), r);
    }

    @Override
    protected Applied finish(RouteTable t, ResourceRequest r) {
        return new Applied(t.routeTableId(), outputs(t));
    }

    @Override
    protected List<RouteTable> describe(List<Filter> filters) {
        return describeTables(aws, ec2(), filters);
    }

    static List<RouteTable> describeTables(Aws aws, software.amazon.awssdk.services.ec2.Ec2Client ec2, List<Filter> filters) {
        return Pages.all(aws.retry(), t -> ec2.describeRouteTables(b -> b.filters(filters).nextToken(t)),
                DescribeRouteTablesResponse::nextToken, DescribeRouteTablesResponse::routeTables);
    }

    @Override
    protected String id(RouteTable t) {
        return t.routeTableId();
    }

    @Override
    protected List<Tag> tags(RouteTable t) {
        return t.tags();
    }

    @Override
    protected Map<String, Object> liveInputs(RouteTable t, ResourceHandle h) {
        return Map.of("vpcId", t.vpcId());
    }

    @Override
    protected java.util.Set<String> usedBy(RouteTable t) {
        return t.associations().stream().filter(a -> a.subnetId() != null).map(a -> a.subnetId()).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    protected java.util.Set<String> references(RouteTable t) {
        return java.util.Set.of(t.vpcId());
    }

    @Override
    protected Map<String, Object> outputs(RouteTable t) {
        return Map.of("id", t.routeTableId());
    }

    @Override
    protected void deleteNow(String id, WaitReporter waits) {
        ec2().deleteRouteTable(b -> b.routeTableId(id));
    }
}

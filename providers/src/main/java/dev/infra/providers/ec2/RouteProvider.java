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
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws.ec2.Route: one route of a route table (id {@code rtb-…|cidr}); routes cannot be tagged, so adoption finds the
 * route by its table and destination. A new target is a ReplaceRoute in place.
 */
final class RouteProvider implements ResourceProvider {
    private static final List<String> TARGETS = List.of("gatewayId", "natGatewayId", "networkInterfaceId");
    private final Aws aws;

    RouteProvider(Aws aws) {
        this.aws = aws;
    }

    private Ec2Client ec2() {
        return aws.client(Ec2Client.class, Ec2Client::builder);
    }

    @Override
    public String type() {
        return Ec2Providers.ROUTE.type();
    }

    @Override
    public Applied create(ResourceRequest r) {
        Map<String, Object> in = r.inputs();
        try {
            aws.settleRun("route table " + Props.str(in, "routeTableId"), r.waits(), () -> ec2().createRoute(b -> b.routeTableId(Props.str(in, "routeTableId"))
                    .destinationCidrBlock(Props.str(in, "destinationCidrBlock")).gatewayId(Props.str(in, "gatewayId"))
                    .natGatewayId(Props.str(in, "natGatewayId")).networkInterfaceId(Props.str(in, "networkInterfaceId"))), NewIds.NOT_VISIBLE);
        } catch (RuntimeException e) {
            if (AwsErrors.code(e).equals("RouteAlreadyExists")) throw new AlreadyExistsException(AwsErrors.message(e));
            throw e;
        }
        return applied(in);
    }

    private static Applied applied(Map<String, Object> in) {
        String id = Props.str(in, "routeTableId") + "|" + Props.str(in, "destinationCidrBlock");
        return new Applied(id, Map.of("id", id));
    }

    @Override
    public Optional<Applied> findExisting(ResourceRequest r) {
        String table = Props.str(r.inputs(), "routeTableId");
        String dest = Props.str(r.inputs(), "destinationCidrBlock");
        boolean found = tables(List.of(table)).stream().filter(t -> table.equals(t.routeTableId())).flatMap(t -> t.routes().stream())
                .anyMatch(x -> dest.equals(x.destinationCidrBlock()));
        if (!found) return Optional.empty();
        aws.run(() -> ec2().replaceRoute(b -> target(b, r.inputs()).routeTableId(table).destinationCidrBlock(dest)));
        return Optional.of(applied(r.inputs()));
    }

    private static software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest.Builder target(
            software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest.Builder b, Map<String, Object> in) {
        return b.gatewayId(Props.str(in, "gatewayId")).natGatewayId(Props.str(in, "natGatewayId"))
                .networkInterfaceId(Props.str(in, "networkInterfaceId"));
    }

    private List<RouteTable> tables(List<String> ids) {
        return RouteTableProvider.describeTables(aws, ec2(), List.of(TaggedEc2Provider.filter("route-table-id", ids)));
    }

    @Override
    public Map<String, Observed> read(List<ResourceHandle> handles) {
        Map<String, RouteTable> byId = new HashMap<>();
        tables(handles.stream().map(h -> Props.str(h.inputs(), "routeTableId")).distinct().toList())
                .forEach(t -> byId.put(t.routeTableId(), t));
        Map<String, Observed> out = new HashMap<>();
        for (ResourceHandle h : handles) {
            RouteTable t = byId.get(Props.str(h.inputs(), "routeTableId"));
            if (t == null) continue;
            String dest = Props.str(h.inputs(), "destinationCidrBlock");
            t.routes().stream().filter(x -> dest.equals(x.destinationCidrBlock())).findFirst()
                    .ifPresent(x -> out.put(h.address(), new Observed(h.physicalId(), live(t, x, h), h.outputs())));
        }
        return out;
    }

    private static Map<String, Object> live(RouteTable t, Route x, ResourceHandle h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routeTableId", t.routeTableId());
        m.put("destinationCidrBlock", x.destinationCidrBlock());
        Map<String, String> targets = new HashMap<>();
        if (x.gatewayId() != null) targets.put("gatewayId", x.gatewayId());
        if (x.natGatewayId() != null) targets.put("natGatewayId", x.natGatewayId());
        if (x.networkInterfaceId() != null) targets.put("networkInterfaceId", x.networkInterfaceId());
        for (String k : TARGETS) if (h.inputs().containsKey(k)) m.put(k, targets.getOrDefault(k, ""));
        return m;
    }

    @Override
    public Applied update(ResourceHandle current, ResourceRequest r) {
        aws.run(() -> ec2().replaceRoute(b -> target(b, r.inputs()).routeTableId(Props.str(r.inputs(), "routeTableId"))
                .destinationCidrBlock(Props.str(r.inputs(), "destinationCidrBlock"))));
        return applied(r.inputs());
    }

    @Override
    public void delete(ResourceHandle h, WaitReporter waits) {
        aws.ignoringNotFound(() -> ec2().deleteRoute(b -> b.routeTableId(Props.str(h.inputs(), "routeTableId"))
                .destinationCidrBlock(Props.str(h.inputs(), "destinationCidrBlock"))));
    }
}

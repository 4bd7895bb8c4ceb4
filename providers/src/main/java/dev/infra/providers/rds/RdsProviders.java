package dev.infra.providers.rds;

import dev.infra.core.provider.ResourceProvider;
import dev.infra.providers.aws.Aws;

import java.util.List;

/** The RDS resource types of the aurora component, the optional RDS Proxy included. */
public final class RdsProviders {
    private RdsProviders() { }

    public static List<ResourceProvider> all(Aws aws) {
        Rds rds = new Rds(aws);
        return List.of(new DbSubnetGroupProvider(rds), new ClusterProvider(rds), new InstanceProvider(rds), new ProxyProvider(rds));
    }
}

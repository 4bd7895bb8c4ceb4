package dev.infra.core.model;

import java.util.Map;
import java.util.Set;

/**
 * The attributes {@code ${name.attr}} may read, per component type. The validator checks references against this
 * table and the component expansion must provide exactly these (a test holds them together).
 */
public final class ComponentAttributes {
    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "vpc", Set.of("id", "cidr", "publicSubnets", "privateSubnets"),
            "cluster", Set.of("name", "arn"),
            "aurora", Set.of("host", "readerHost", "port", "database", "username", "secretArn"),
            "service", Set.of("url", "name", "loadBalancerDns", "securityGroup"),
            "waf", Set.of("arn", "id"));

    private ComponentAttributes() { }

    /** The component types infra.yaml accepts. */
    public static Set<String> types() {
        return BY_TYPE.keySet();
    }

    public static Set<String> of(String type) {
        return BY_TYPE.getOrDefault(type, Set.of());
    }
}

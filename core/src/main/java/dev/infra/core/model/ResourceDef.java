package dev.infra.core.model;

/** One entry of {@code resources:}; the component type decides what it expands into. */
public sealed interface ResourceDef permits VpcDef, ClusterDef, AuroraDef, ServiceDef, WafDef {
    String name();

    /** The {@code type:} keyword, e.g. {@code vpc}. */
    String type();
}

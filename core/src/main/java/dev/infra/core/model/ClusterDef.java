package dev.infra.core.model;

/** {@code type: cluster}: an ECS cluster in a VPC. */
public record ClusterDef(String name, String vpc, boolean containerInsights) implements ResourceDef {
    @Override
    public String type() {
        return "cluster";
    }
}

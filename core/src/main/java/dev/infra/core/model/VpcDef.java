package dev.infra.core.model;

/** {@code type: vpc}. */
public record VpcDef(String name, int azs, String cidr, NatMode nat, boolean bastion) implements ResourceDef {
    public enum NatMode { MANAGED, EC2, NONE }

    @Override
    public String type() {
        return "vpc";
    }
}

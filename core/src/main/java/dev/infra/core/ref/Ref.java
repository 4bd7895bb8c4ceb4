package dev.infra.core.ref;

/**
 * A reference to an output of a concrete resource, e.g. {@code Ref("db/cluster", "endpoint")}. May appear
 * anywhere inside a resource's input values; it is also a dependency edge.
 */
public record Ref(String address, String attribute) {
    @Override
    public String toString() {
        return "${" + address + "." + attribute + "}";
    }
}

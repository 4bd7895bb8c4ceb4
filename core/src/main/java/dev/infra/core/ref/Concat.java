package dev.infra.core.ref;

import java.util.List;

/** A string built from literal parts and {@link Ref}s, e.g. {@code "http://" + ${erp/alb.dnsName}}. */
public record Concat(List<Object> parts) {
    public Concat {
        parts = List.copyOf(parts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        parts.forEach(sb::append);
        return sb.toString();
    }
}

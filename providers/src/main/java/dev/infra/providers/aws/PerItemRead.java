package dev.infra.providers.aws;

import java.util.Map;
import java.util.function.Supplier;

/**
 * An input a read takes with a second call per resource (a VPC's DNS attributes, a target group's attributes), after
 * the list that found the resource. AWS's reads are consistent with each other only eventually: the second call may
 * say NotFound for a resource the list just showed (made a moment ago, or deleted meanwhile). The input is then left
 * out of this read (nothing is compared for it this time), rather than the resource read as gone, which would drop
 * it from state, or the whole refresh failing. A resource really deleted is missing from the next list.
 */
public final class PerItemRead {
    private PerItemRead() { }

    public static void put(Map<String, Object> live, String key, Supplier<Object> read) {
        try {
            live.put(key, read.get());
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) throw e;
        }
    }
}

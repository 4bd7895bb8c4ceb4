package dev.infra.providers.aws;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A read that needs a second call per resource (a VPC's DNS attributes, a target group's attributes) may find the
 * resource deleted between the list and that call: the resource is then gone, as if the list had not shown it,
 * rather than the whole refresh failing on AWS's NotFound.
 */
public final class GoneMeanwhile {
    private GoneMeanwhile() { }

    /** The live inputs, or empty when AWS says the resource no longer exists. */
    public static Optional<Map<String, Object>> read(Supplier<Map<String, Object>> liveInputs) {
        try {
            return Optional.of(liveInputs.get());
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) return Optional.empty();
            throw e;
        }
    }
}

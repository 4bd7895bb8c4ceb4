package dev.infra.core.plan;

/**
 * One changed property.
 *
 * @param path               property path, e.g. {@code cpu} or {@code environment.API_URL}
 * @param before             recorded value (null when absent)
 * @param after              desired value; {@link Unknown#VALUE} when only known after apply
 * @param forcesReplacement  whether this change alone forces replacing the resource
 */
public record PropertyDiff(String path, Object before, Object after, boolean forcesReplacement) {
    /** The input the path starts at: {@code rules} for {@code rules[rate-limit].limit}, {@code cpu} for {@code cpu}. */
    public String topLevel() {
        return path.split("[.\\[]")[0];
    }
}

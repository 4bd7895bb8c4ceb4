package dev.infra.core.model;

import java.time.Duration;

/** {@code type: aurora}: Aurora Serverless v2. */
public record AuroraDef(String name, String vpc, Engine engine, String version, String database,
                        Scaling scaling, int replicas, boolean proxy) implements ResourceDef {
    public enum Engine { POSTGRES, MYSQL }

    /**
     * @param min        ACUs, 0 allowed (pauses after {@code pauseAfter})
     * @param max        ACUs
     * @param pauseAfter idle time before pausing when min is 0; null when not set
     */
    public record Scaling(double min, double max, Duration pauseAfter) { }

    @Override
    public String type() {
        return "aurora";
    }
}

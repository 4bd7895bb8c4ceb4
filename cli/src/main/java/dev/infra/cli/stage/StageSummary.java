package dev.infra.cli.stage;

import dev.infra.core.state.LockInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One stage of the app as the state store knows it.
 *
 * @param lastChange null when its state was written before infra recorded the time
 * @param protect    protected by infra.yaml now, or when its state was last written
 * @param lock       the lock's holder, null when none is held
 */
public record StageSummary(String stage, String region, Instant lastChange, String by, String command, int resources,
                    boolean protect, LockInfo lock) {
    public Optional<Instant> changed() {
        return Optional.ofNullable(lastChange);
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", stage);
        m.put("region", region);
        m.put("lastChange", lastChange == null ? null : lastChange.toString());
        m.put("by", by);
        m.put("command", command);
        m.put("resources", resources);
        m.put("protected", protect);
        m.put("lock", lock == null ? null : Map.of("who", lock.who() + "@" + lock.host(), "command", lock.command(),
                "since", lock.since().toString()));
        return m;
    }
}

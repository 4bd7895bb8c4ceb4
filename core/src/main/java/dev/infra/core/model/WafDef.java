package dev.infra.core.model;

import java.util.List;

/** {@code type: waf}: a regional web ACL associated with the services' ALBs. */
public record WafDef(String name, List<String> protect, int rateLimit, int rateWindowSeconds,
                     List<String> managedRules, boolean metrics) implements ResourceDef {
    public WafDef {
        protect = List.copyOf(protect);
        managedRules = List.copyOf(managedRules);
    }

    @Override
    public String type() {
        return "waf";
    }
}

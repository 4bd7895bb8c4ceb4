package dev.infra.core.parse;

import dev.infra.core.model.AuroraDef;
import dev.infra.core.model.ClusterDef;
import dev.infra.core.model.ResourceDef;
import dev.infra.core.model.ServiceDef;
import dev.infra.core.model.VpcDef;
import dev.infra.core.model.WafDef;
import dev.infra.core.parse.YNode.YList;
import dev.infra.core.parse.YNode.YMap;
import dev.infra.core.parse.YNode.YScalar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shape-checked, defaulted YAML → typed records. Assumes the shape check passed for this resource. */
final class Binder {
    private Binder() { }

    static ResourceDef bind(String name, YMap m) {
        return switch (str(m, "type")) {
            case "vpc" -> new VpcDef(name, integer(m, "azs"), str(m, "cidr"),
                    VpcDef.NatMode.valueOf(str(m, "nat").toUpperCase(Locale.ROOT)), bool(m, "bastion"));
            case "cluster" -> new ClusterDef(name, str(m, "vpc"), bool(m, "containerInsights"));
            case "aurora" -> aurora(name, m);
            case "service" -> service(name, m);
            case "waf" -> new WafDef(name, strings(m, "protect"), integer(m, "rateLimit"),
                    (int) duration(m, "rateWindow").toSeconds(), strings(m, "managedRules"), bool(m, "metrics"));
            default -> throw new IllegalArgumentException("unchecked type " + str(m, "type"));
        };
    }

    private static AuroraDef aurora(String name, YMap m) {
        YMap s = (YMap) m.get("scaling");
        return new AuroraDef(name, str(m, "vpc"), AuroraDef.Engine.valueOf(str(m, "engine").toUpperCase(Locale.ROOT)),
                str(m, "version"), str(m, "database"),
                new AuroraDef.Scaling(number(s, "min"), number(s, "max"), duration(s, "pauseAfter")),
                integer(m, "replicas"), bool(m, "proxy"));
    }

    private static ServiceDef service(String name, YMap m) {
        YNode img = m.get("image");
        ServiceDef.Image image = img instanceof YMap im ? new ServiceDef.Image("", str(im, "context"), str(im, "dockerfile"))
                : new ServiceDef.Image(((YScalar) img).value(), "", "");
        YMap d = (YMap) m.get("deployment");
        var deployment = new ServiceDef.Deployment("blue-green".equals(str(d, "strategy"))
                ? ServiceDef.Deployment.Strategy.BLUE_GREEN : ServiceDef.Deployment.Strategy.ROLLING, duration(d, "terminationWait"));
        YMap sc = m.get("scaling") instanceof YMap x ? x : null;
        var scaling = sc == null ? null : new ServiceDef.Scaling(integer(sc, "min"), integer(sc, "max"), integer(sc, "cpu"));
        return new ServiceDef(name, str(m, "cluster"), image, integer(m, "cpu"), integer(m, "memory"), integer(m, "port"),
                loadBalancer(m.get("loadBalancer")), scaling, stringMap(m, "environment"), strings(m, "secrets"),
                strings(m, "link"), deployment);
    }

    private static ServiceDef.LoadBalancer loadBalancer(YNode node) {
        if (!(node instanceof YMap lb)) return null;
        List<ServiceDef.Listener> listen = new ArrayList<>();
        for (String l : strings(lb, "listen")) listen.add(listener(l));
        YMap h = (YMap) lb.get("health");
        var health = new ServiceDef.Health(str(h, "path"), duration(h, "interval"), duration(h, "timeout"),
                integer(h, "healthy"), integer(h, "unhealthy"));
        List<ServiceDef.Rule> rules = new ArrayList<>();
        if (lb.get("rules") instanceof YList rl) rl.items().forEach(r -> rules.add(new ServiceDef.Rule(str((YMap) r, "path"))));
        return new ServiceDef.LoadBalancer(listen, health, rules, optional(lb, "domain"), optional(lb, "certificate"));
    }

    /** {@code 80/http}; an unparsable one becomes port -1 for the validator to report. */
    static ServiceDef.Listener listener(String text) {
        String[] parts = text.split("/", 2);
        try {
            return new ServiceDef.Listener(Integer.parseInt(parts[0].trim()), parts.length > 1 ? parts[1].trim() : "http");
        } catch (NumberFormatException e) {
            return new ServiceDef.Listener(-1, text);
        }
    }

    static String str(YMap m, String key) {
        return ((YScalar) m.get(key)).value();
    }

    private static String optional(YMap m, String key) {
        return m.get(key) instanceof YScalar s ? s.value() : "";
    }

    private static int integer(YMap m, String key) {
        return Integer.parseInt(str(m, key));
    }

    private static double number(YMap m, String key) {
        return Double.parseDouble(str(m, key));
    }

    static boolean bool(YMap m, String key) {
        return "true".equals(str(m, key));
    }

    private static Duration duration(YMap m, String key) {
        return Durations.parse(str(m, key)).orElseThrow();
    }

    static List<String> strings(YMap m, String key) {
        List<String> out = new ArrayList<>();
        if (m.get(key) instanceof YList l) l.items().forEach(i -> out.add(((YScalar) i).value()));
        return out;
    }

    private static Map<String, String> stringMap(YMap m, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m.get(key) instanceof YMap e) e.entries().forEach((k, v) -> out.put(k, ((YScalar) v).value()));
        return out;
    }
}

package dev.infra.providers.ec2;

import dev.infra.providers.aws.Props;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Security group rules by CIDR in the inputs' shape ({@code {protocol, fromPort, toPort, cidrIp}}, no ports for
 * protocol -1) and back to EC2's IpPermission. Rules that reference other groups belong to SecurityGroupIngress
 * resources and are left out.
 */
final class CidrRules {
    private CidrRules() { }

    static List<Map<String, Object>> of(List<IpPermission> permissions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (IpPermission p : permissions)
            for (IpRange range : p.ipRanges()) out.add(rule(p.ipProtocol(), p.fromPort(), p.toPort(), range.cidrIp()));
        return out;
    }

    static Map<String, Object> rule(String protocol, Integer from, Integer to, String cidr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", protocol);
        if (!"-1".equals(protocol)) {
            m.put("fromPort", from);
            m.put("toPort", to);
        }
        m.put("cidrIp", cidr);
        return m;
    }

    /** A rule from the inputs, normalised to the shape {@link #of} reads back. */
    static Map<String, Object> normal(Map<String, Object> in) {
        String protocol = Props.str(in, "protocol", "-1");
        return rule(protocol, Props.integer(in, "fromPort"), Props.integer(in, "toPort"), Props.str(in, "cidrIp"));
    }

    static IpPermission permission(Map<String, Object> rule) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(Props.str(rule, "protocol"))
                .ipRanges(IpRange.builder().cidrIp(Props.str(rule, "cidrIp")).build());
        if (!"-1".equals(Props.str(rule, "protocol"))) b.fromPort(Props.integer(rule, "fromPort")).toPort(Props.integer(rule, "toPort"));
        return b.build();
    }

    /** The live rules, in the order of the recorded ones where they match, extras after: equal lists mean no drift. */
    static List<Object> inRecordedOrder(List<Map<String, Object>> live, List<Map<String, Object>> recorded) {
        List<Map<String, Object>> rest = new ArrayList<>(live);
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> r : recorded) {
            Map<String, Object> n = normal(r);
            if (rest.remove(n)) out.add(r);
        }
        out.addAll(rest);
        return out;
    }
}

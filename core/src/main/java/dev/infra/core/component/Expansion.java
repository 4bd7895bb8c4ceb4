package dev.infra.core.component;

import dev.infra.core.model.AppConfig;
import dev.infra.core.model.ClusterDef;
import dev.infra.core.model.ResourceDef;
import dev.infra.core.model.ServiceDef;
import dev.infra.core.model.VpcDef;
import dev.infra.core.ref.Concat;
import dev.infra.core.ref.Ref;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What components may ask of the app while they expand: other components' addresses, outputs, shared resources. */
public final class Expansion {
    /** The read-only resource giving account id and partition, for ARNs. */
    public static final String ACCOUNT = "_infra/account";
    private static final Pattern REF = Pattern.compile("\\$\\{\\s*([a-z][a-z0-9-]*)\\.([A-Za-z]+)\\s*}");
    private final AppConfig config;
    private final Path baseDir;
    private final Map<String, Map<String, Object>> outputs;

    Expansion(AppConfig config, Path baseDir, Map<String, Map<String, Object>> outputs) {
        this.config = config;
        this.baseDir = baseDir;
        this.outputs = outputs;
    }

    public AppConfig config() {
        return config;
    }

    public Path baseDir() {
        return baseDir;
    }

    public ResourceDef def(String name) {
        return config.resources().get(name);
    }

    public VpcDef vpcOfCluster(String cluster) {
        return (VpcDef) def(((ClusterDef) def(cluster)).vpc());
    }

    /** Refs to the ids of a VPC's private (or public) subnets, one per AZ. */
    public List<Object> subnets(String vpc, boolean isPrivate) {
        List<Object> out = new ArrayList<>();
        for (int i = 1; i <= ((VpcDef) def(vpc)).azs(); i++) out.add(new Ref(vpc + "/" + (isPrivate ? "private" : "public") + "Subnet" + i, "id"));
        return out;
    }

    public Ref vpcId(String vpc) {
        return new Ref(vpc + "/vpc", "id");
    }

    public Ref partition() {
        return new Ref(ACCOUNT, "partition");
    }

    public Ref accountId() {
        return new Ref(ACCOUNT, "accountId");
    }

    /** Services that {@code link} the named resource. */
    public List<ServiceDef> linkers(String name) {
        return config.resources().values().stream().filter(d -> d instanceof ServiceDef s && s.link().contains(name))
                .map(d -> (ServiceDef) d).toList();
    }

    public Object output(String component, String attribute) {
        return outputs.get(component).get(attribute);
    }

    /** A text value with {@code ${name.attr}} references → a plain string, or a Concat over the components' outputs. */
    public Object text(String value) {
        Matcher m = REF.matcher(value);
        List<Object> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(value.substring(last, m.start()));
            parts.add(output(m.group(1), m.group(2)));
            last = m.end();
        }
        if (parts.isEmpty()) return value;
        if (last < value.length()) parts.add(value.substring(last));
        return parts.size() == 1 && !(parts.get(0) instanceof String) ? parts.get(0) : new Concat(flatten(parts));
    }

    private static List<Object> flatten(List<Object> parts) {
        List<Object> flat = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Concat c) flat.addAll(c.parts());
            else flat.add(p);
        }
        return flat;
    }

    /** The SSM parameter ARN of a secret, from the secretsPath template. */
    public Concat secretArn(String secret) {
        String path = config.secretsPath().replace("{app}", config.app()).replace("{stage}", config.stage()).replace("{name}", secret);
        return Inputs.concat("arn:", partition(), ":ssm:" + config.region() + ":", accountId(), ":parameter" + (path.startsWith("/") ? path : "/" + path));
    }
}

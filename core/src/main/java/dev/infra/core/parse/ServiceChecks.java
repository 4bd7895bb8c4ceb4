package dev.infra.core.parse;

import dev.infra.core.model.ServiceDef;

import java.util.List;

/** The checks of one {@code type: service}. */
final class ServiceChecks {
    private final Validator v;
    private final ServiceDef s;
    private final String p;

    ServiceChecks(Validator v, ServiceDef s, String p) {
        this.v = v;
        this.s = s;
        this.p = p;
    }

    void run() {
        v.ref(p + ".cluster", s.name(), s.cluster(), "cluster");
        if (!AwsRules.fargatePair(s.cpu(), s.memory())) {
            v.err(p + (AwsRules.fargatePair(s.cpu(), 2048) || s.cpu() == 256 ? ".memory" : ".cpu"),
                    "cpu " + s.cpu() + " with memory " + s.memory() + " is not a Fargate size", AwsRules.fargateHint(s.cpu()));
        }
        port(p + ".port", s.port());
        image();
        if (s.loadBalancer() != null) loadBalancer(s.loadBalancer());
        if (s.scaling() != null) {
            if (s.scaling().min() < 0 || s.scaling().min() > s.scaling().max()) v.err(p + ".scaling", "scaling needs 0 <= min <= max", "");
            if (s.scaling().cpu() < 1 || s.scaling().cpu() > 100) v.err(p + ".scaling.cpu", "cpu target must be 1 to 100 percent", "");
        }
        s.environment().forEach((k, val) -> v.textRefs(p + ".environment." + k, val));
        list(p + ".secrets", s.secrets(), (path, name) -> {
            if (!v.secretDeclared(name)) v.err(path, "secret " + name + " is not declared", "add it to the top-level secrets: list");
        });
        list(p + ".link", s.link(), (path, name) -> {
            if (name.equals(s.name())) v.err(path, "a service cannot link itself", "");
            else v.ref(path, s.name(), name, "aurora|service");
        });
    }

    private void image() {
        ServiceDef.Image img = s.image();
        if (!img.isBuild()) return;
        if (v.fileMissing(img.context())) v.err(p + ".image.context", "build context " + img.context() + " does not exist",
                "paths are relative to the directory of infra.yaml");
        else if (v.fileMissing(img.context() + "/" + img.dockerfile())) v.err(p + ".image.dockerfile", "Dockerfile "
                + img.dockerfile() + " not found in " + img.context(), "dockerfile is relative to the context");
        else BuildSecrets.exposed(BuildContext.of(v.baseDir().resolve(img.context()), img.dockerfile())).ifPresent(f -> v.err(p + ".image.context", "build context "
                + img.context() + " includes " + f + ", which .dockerignore does not exclude: its secrets would be sent to Docker"
                + " and could be copied into the image", "add .env and .env.* to " + img.context() + "/.dockerignore"));
    }

    private void loadBalancer(ServiceDef.LoadBalancer lb) {
        for (int i = 0; i < lb.listen().size(); i++) {
            ServiceDef.Listener l = lb.listen().get(i);
            String path = p + ".loadBalancer.listen[" + i + "]";
            if (!List.of("http", "https").contains(l.protocol())) v.err(path, "listener '" + l.port() + "/" + l.protocol()
                    + "' must be PORT/http or PORT/https", "write e.g. 80/http or 443/https");
            else port(path, l.port());
            if ("https".equals(l.protocol()) && lb.domain().isEmpty() && lb.certificate().isEmpty()) {
                v.err(path, "an https listener needs a certificate", "set loadBalancer.domain or loadBalancer.certificate");
            }
        }
        var h = lb.health();
        if (!h.path().startsWith("/")) v.err(p + ".loadBalancer.health.path", "health path must start with /", "");
        if (h.timeout().compareTo(h.interval()) >= 0) v.err(p + ".loadBalancer.health.timeout", "health timeout must be shorter than interval", "");
        for (int i = 0; i < lb.rules().size(); i++) {
            if (!lb.rules().get(i).path().startsWith("/")) v.err(p + ".loadBalancer.rules[" + i + "].path", "rule path must start with /", "");
        }
    }

    private void port(String path, int port) {
        if (port < 1 || port > 65535) v.err(path, "port " + port + " is out of range", "use 1 to 65535");
    }

    private static void list(String path, List<String> items, java.util.function.BiConsumer<String, String> check) {
        for (int i = 0; i < items.size(); i++) check.accept(path + "[" + i + "]", items.get(i));
    }
}

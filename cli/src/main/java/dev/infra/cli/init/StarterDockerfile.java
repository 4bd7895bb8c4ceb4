package dev.infra.cli.init;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The placeholder image {@code infra init} writes where a template builds from source and no Dockerfile is there:
 * a busybox web server that listens on every port the services building from it declare and answers their health
 * paths, so the template plans, deploys and passes its health checks as written until the app's own build replaces it.
 */
public final class StarterDockerfile {
    /** What the services building from one Dockerfile need of it. */
    public record Needs(TreeSet<Integer> ports, TreeSet<String> healthPaths) { }

    private StarterDockerfile() { }

    /** By Dockerfile path (relative to infra.yaml's directory), what the template's services building from it need. */
    @SuppressWarnings("unchecked")
    public static Map<Path, Needs> needs(Map<String, Object> root) {
        Map<Path, Needs> out = new LinkedHashMap<>();
        Map<String, Object> resources = (Map<String, Object>) root.getOrDefault("resources", Map.of());
        for (Object r : resources.values()) {
            if (!(r instanceof Map<?, ?> m) || !"service".equals(m.get("type")) || !(m.get("image") instanceof Map<?, ?> image)) continue;
            Path file = Path.of(String.valueOf(image.get("context")), String.valueOf(image.get("dockerfile"))).normalize();
            Needs n = out.computeIfAbsent(file, f -> new Needs(new TreeSet<>(), new TreeSet<>()));
            n.ports().add((Integer) m.get("port"));
            if (m.get("loadBalancer") instanceof Map<?, ?> lb && lb.get("health") instanceof Map<?, ?> h && h.get("path") != null)
                n.healthPaths().add(String.valueOf(h.get("path")));
        }
        return out;
    }

    public static String text(Needs n) {
        StringBuilder b = new StringBuilder("""
                # Written by infra init: a placeholder so the template deploys as written. It serves a static page on
                # the services' ports and answers their health checks. Replace it with your app's build, or point the
                # services at an image you already publish: image: "REGISTRY/NAME:TAG" in infra.yaml.
                FROM busybox:1.36
                RUN mkdir -p /www && echo 'Hello from infra' > /www/index.html
                """);
        for (String p : n.healthPaths()) {
            String dir = p.substring(0, p.lastIndexOf('/'));
            b.append("RUN mkdir -p /www").append(dir).append(" && echo ok > /www").append(p).append('\n');
        }
        List<Integer> ports = List.copyOf(n.ports());
        b.append("EXPOSE ").append(String.join(" ", ports.stream().map(String::valueOf).toList())).append('\n');
        StringBuilder cmd = new StringBuilder();
        for (int i = 0; i < ports.size() - 1; i++) cmd.append("httpd -p ").append(ports.get(i)).append(" -h /www && ");
        cmd.append("exec httpd -f -p ").append(ports.get(ports.size() - 1)).append(" -h /www");
        b.append("CMD [\"sh\", \"-c\", \"").append(cmd).append("\"]\n");
        return b.toString();
    }
}

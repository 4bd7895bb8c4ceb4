package dev.infra.core.component;

import dev.infra.core.model.AppConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the resources one component expands into, addressing them {@code component/local}. */
public final class Emitter {
    private final AppConfig config;
    private final String component;
    private final List<DesiredResource> out;

    Emitter(AppConfig config, String component, List<DesiredResource> out) {
        this.config = config;
        this.component = component;
        this.out = out;
    }

    public String component() {
        return component;
    }

    public AppConfig config() {
        return config;
    }

    public String address(String local) {
        return component + "/" + local;
    }

    /** Adds a resource and returns its address. */
    public String add(String local, String type, Map<String, Object> inputs, String... dependsOn) {
        String address = address(local);
        DeclaredInputs.check(component, address, type, inputs);
        out.add(new DesiredResource(address, type, component, inputs, List.of(dependsOn)));
        return address;
    }

    /** The physical name {@code app-stage-component[-suffix]} within {@code maxLength}. */
    public String name(String suffix, int maxLength) {
        return Naming.physical(config.app(), config.stage(), component, suffix, maxLength);
    }

    public String name(String suffix) {
        return name(suffix, Naming.DEFAULT);
    }

    static List<DesiredResource> newList() {
        return new ArrayList<>();
    }
}

package dev.infra.core.component;

import dev.infra.core.model.ResourceDef;

import java.util.Map;

/**
 * Expands one component type ({@code type: vpc}, ...) into concrete resources. Outputs are the attributes
 * {@code ${name.attr}} reads, as values over the resources' outputs; they must match
 * {@link dev.infra.core.model.ComponentAttributes}.
 */
public interface Component<D extends ResourceDef> {
    String type();

    void expand(D def, Emitter out, Expansion ctx);

    Map<String, Object> outputs(D def, Expansion ctx);
}

package dev.infra.providers.ssm;

import dev.infra.core.provider.StageContext;

/**
 * The parameter names of a stage's secrets, from the {@code secretsPath} template (validated to hold {@code {name}}
 * once, in its last segment): {@code /carbon/prod/{name}} → prefix {@code /carbon/prod/}, suffix empty.
 */
record SecretPaths(String prefix, String suffix) {
    static SecretPaths of(String template, StageContext stage) {
        String t = template.replace("{app}", stage.app()).replace("{stage}", stage.stage());
        int at = t.indexOf("{name}");
        return new SecretPaths(t.substring(0, at), t.substring(at + "{name}".length()));
    }

    String path(String name) {
        return prefix + name + suffix;
    }

    boolean matches(String parameter) {
        return parameter.startsWith(prefix) && parameter.endsWith(suffix) && parameter.length() > prefix.length() + suffix.length()
                && parameter.indexOf('/', prefix.length()) < 0;
    }

    String name(String parameter) {
        return parameter.substring(prefix.length(), parameter.length() - suffix.length());
    }
}

package dev.infra.core.component;

import dev.infra.core.model.AuroraDef;
import dev.infra.core.model.ServiceDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static dev.infra.core.component.Inputs.concat;
import static dev.infra.core.component.Inputs.map;

/**
 * A service's environment, its secrets by valueFrom, and the execution-role policy that may read exactly those.
 * {@code link: [db]} adds DATABASE_HOST, DATABASE_PORT, DATABASE_NAME, DATABASE_USER and DATABASE_PASSWORD (valueFrom
 * the RDS-managed secret's password key); {@code link: [svc]} adds SVC_URL (name upper-cased, '-' as '_').
 */
final class TaskSecrets {
    private final ServiceDef s;
    private final Expansion ctx;

    TaskSecrets(ServiceDef s, Expansion ctx) {
        this.s = s;
        this.ctx = ctx;
    }

    Map<String, Object> environment() {
        Map<String, Object> env = new TreeMap<>();
        for (String link : s.link()) {
            if (ctx.def(link) instanceof AuroraDef) {
                env.put("DATABASE_HOST", ctx.output(link, "host"));
                env.put("DATABASE_PORT", String.valueOf(ctx.output(link, "port")));
                env.put("DATABASE_NAME", ctx.output(link, "database"));
                env.put("DATABASE_USER", ctx.output(link, "username"));
            } else {
                env.put(link.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", ctx.output(link, "url"));
            }
        }
        s.environment().forEach((k, v) -> env.put(k, ctx.text(v)));
        return env;
    }

    List<Object> valueFrom() {
        List<Object> out = new ArrayList<>();
        for (String secret : s.secrets()) out.add(map("name", secret, "valueFrom", ctx.secretArn(secret)));
        for (String link : s.link()) {
            if (ctx.def(link) instanceof AuroraDef) {
                out.add(map("name", "DATABASE_PASSWORD", "valueFrom", concat(ctx.output(link, "secretArn"), ":password::")));
            }
        }
        return out;
    }

    /** ssm:GetParameters on exactly the service's own secrets, secretsmanager:GetSecretValue on linked DB secrets. */
    Map<String, Object> executionPolicy() {
        List<Map<String, Object>> statements = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        s.secrets().forEach(n -> params.add(ctx.secretArn(n)));
        if (!params.isEmpty()) statements.add(map("Effect", "Allow", "Action", List.of("ssm:GetParameters"), "Resource", params));
        List<Object> dbSecrets = new ArrayList<>();
        s.link().stream().filter(l -> ctx.def(l) instanceof AuroraDef).forEach(l -> dbSecrets.add(ctx.output(l, "secretArn")));
        if (!dbSecrets.isEmpty()) statements.add(map("Effect", "Allow", "Action", List.of("secretsmanager:GetSecretValue"), "Resource", dbSecrets));
        String kms = ctx.config().kmsKey();
        if (!kms.isEmpty() && !params.isEmpty()) statements.add(map("Effect", "Allow", "Action", List.of("kms:Decrypt"), "Resource", List.of(kms)));
        return statements.isEmpty() ? null : Policies.statements(statements);
    }
}

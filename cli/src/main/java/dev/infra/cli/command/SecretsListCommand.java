package dev.infra.cli.command;

import dev.infra.cli.view.Json;
import dev.infra.cli.Io;
import dev.infra.core.secrets.SecretsStore.SecretInfo;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Command(name = "list", description = "Secret names, stage and last change; never values. Declared but unset ones are flagged.",
        footerHeading = "%nExample:%n", footer = "  infra secrets list --stage prod")
public final class SecretsListCommand extends BaseCommand {
    public SecretsListCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        List<SecretInfo> set = ctx().secrets().list();
        Set<String> missing = new TreeSet<>(ctx().config().secrets());
        set.forEach(s -> missing.remove(s.name()));
        String stage = ctx().config().stage();
        if (global.json) {
            List<Map<String, Object>> rows = set.stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("stage", stage);
                m.put("lastModified", s.lastModified().toString());
                return m;
            }).toList();
            io.out().println(Json.of(Map.of("secrets", rows, "missing", List.copyOf(missing))));
            return 0;
        }
        for (SecretInfo s : set) io.out().printf("%-32s %-16s %s%n", s.name(), stage, s.lastModified());
        for (String m : missing) io.out().printf("%-32s %-16s %s%n", m, stage, "NOT SET (declared in infra.yaml)");
        return 0;
    }
}

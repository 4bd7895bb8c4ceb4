package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.core.jsonschema.InfraYamlSchema;
import picocli.CommandLine.Command;

@Command(name = "schema", description = "Print the JSON Schema of infra.yaml for editors.",
        footerHeading = "%nExample:%n", footer = "  infra schema > infra.schema.json")
public final class SchemaCommand extends BaseCommand {
    public SchemaCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        io.out().print(InfraYamlSchema.render());
        return 0;
    }
}

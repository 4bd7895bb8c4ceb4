package dev.infra.cli.command;

import dev.infra.cli.Io;
import dev.infra.cli.LockedStage;
import dev.infra.core.component.DesiredResource;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.provider.Observed;
import dev.infra.core.provider.ResourceHandle;
import dev.infra.core.state.ResourceState;
import dev.infra.core.state.ResourceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

@Command(name = "import", description = "Adopt an existing AWS resource as a resource of infra.yaml.",
        footerHeading = "%nExample:%n", footer = "  infra state import vpc/vpc vpc-0abc123 --stage prod")
public final class StateImportCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "address, e.g. erp/logGroup (see infra diff)")
    String address;

    @Parameters(index = "1", paramLabel = "ID", description = "AWS id or ARN")
    String id;

    public StateImportCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() {
        DesiredResource d = ctx().desired().resources().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow(() -> new InvalidInputException("infra.yaml has no resource " + address + " in stage " + ctx().config().stage()));
        try (LockedStage locked = ctx().lock("infra state import")) {
            if (locked.session().state().resource(address).isPresent())
                throw new InvalidInputException(address + " is already in the state; use infra state forget first");
            ResourceHandle h = new ResourceHandle(address, d.type(), id, Map.of(), Map.of(), ctx().stage());
            Observed o = ctx().providers().get(d.type()).read(List.of(h)).get(address);
            if (o == null) throw new InvalidInputException(d.type() + " " + id + " was not found in AWS");
            List<String> deps = List.copyOf(ctx().desired().graph().dependenciesOf(address));
            locked.session().update(s -> s.with(new ResourceState(address, d.type(), d.component(), o.physicalId(), known(o.inputs()),
                    known(o.outputs()), deps, ResourceStatus.READY, "")));
            human().println("Imported " + id + " as " + address + "; run infra diff to see what deploy would change.");
            return 0;
        }
    }

    /** What the read reported, without the properties it could not tell (null): nothing recorded is better than null. */
    private static Map<String, Object> known(Map<String, Object> values) {
        Map<String, Object> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> { if (v != null) out.put(k, v); });
        return out;
    }
}

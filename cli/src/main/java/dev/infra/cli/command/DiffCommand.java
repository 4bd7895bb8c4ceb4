package dev.infra.cli.command;

import dev.infra.cli.apply.Plans;
import dev.infra.cli.Io;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InvalidInputException;
import dev.infra.core.plan.MarkdownPlanRenderer;
import dev.infra.core.plan.Plan;
import dev.infra.core.plan.PlanDigest;
import dev.infra.core.plan.PlanJson;
import dev.infra.core.state.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

@Command(name = "diff", description = "Plan against recorded state and print per-resource and per-property changes.",
        footerHeading = "%nExample:%n", footer = "  infra diff --stage prod --out plan.json")
public final class DiffCommand extends BaseCommand {
    @Option(names = "--out", description = "save the exact plan as JSON, for deploy --plan")
    String out;

    @Option(names = "--detailed-exitcode", description = "exit 4 when changes are pending, 0 when none")
    boolean detailed;

    @Option(names = "--refresh", description = "read live AWS state first (not saved)")
    boolean refresh;

    @Option(names = "--target", description = "limit to a resource of infra.yaml and what it depends on")
    List<String> targets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json (as --json) or markdown (a pull-request comment, under 65,000 characters)")
    String format;

    @Option(names = "--remove", description = "plan what infra remove would do (a protected stage's kept resources show as retained)")
    boolean remove;

    public DiffCommand(Io io) {
        super(io);
    }

    @Override
    protected int run() throws IOException {
        String as = format();
        if (remove && !targets.isEmpty()) throw new InvalidInputException("--remove plans the whole stage; it takes no --target");
        ctx().desired();
        State state = ctx().readState();
        if (refresh) state = Plans.refresh(ctx(), state, io.err());
        Plan plan = Plans.plan(ctx(), state, Plans.options(ctx(), targets, remove));
        switch (as) {
            case "json" -> io.out().print(PlanJson.write(plan, PlanDigest.of(ctx().desired())));
            case "markdown" -> io.out().print(new MarkdownPlanRenderer().render(plan));
            default -> Plans.print(ctx(), plan, io.out());
        }
        if (out != null) write(io.resolve(out), PlanJson.write(plan, PlanDigest.of(ctx().desired())));
        return detailed && plan.hasChanges() ? ExitCode.CHANGES_PENDING.code() : 0;
    }

    /** text, json or markdown; {@code --json} means json, and contradicting it is a usage error. */
    private String format() {
        String f = format == null ? (global.json ? "json" : "text") : format;
        if (!List.of("text", "json", "markdown").contains(f))
            throw new InvalidInputException("--format must be text, json or markdown, not '" + f + "'");
        if (global.json && !f.equals("json")) throw new InvalidInputException("--json and --format " + f + " contradict each other; give one");
        return f;
    }

    private void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new InvalidInputException("--out: directory " + dir + " does not exist");
        Path tmp = Files.createTempFile(dir, ".plan", ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        io.err().println("Plan saved to " + file + "; apply it with: infra deploy --plan " + out);
    }
}

package dev.infra.cli.stage;

import dev.infra.cli.AppContext;
import dev.infra.core.diag.InvalidInputException;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code infra remove --stage GLOB --older-than D}: every stage of the app in the state store whose name matches the
 * glob and whose last recorded change is older than D is removed, one after the other. Protected stages, stages
 * changed since and stages whose state has no recorded time are skipped. Each removal's failure is reported and the
 * next one still runs; the exit code is 0 only when every removal attempted succeeded (with --json, the outcome
 * goes to stdout as one object).
 */
public final class OldStageRemoval {
    /** Removes one stage, unless its state changed at or after {@code cutoff} (checked under its lock); returns its exit code. */
    public interface Remover {
        int remove(AppContext stage, Instant cutoff) throws Exception;
    }

    /** What a run did (or, dry, would do): stages removed, skipped with why, failed with why. */
    public record Outcome(boolean dryRun, List<String> removed, Map<String, String> skipped, Map<String, String> failed) {
        public int exitCode() {
            return failed.isEmpty() ? 0 : 1;
        }

        public Map<String, Object> json() {
            return Map.of("dryRun", dryRun, dryRun ? "wouldRemove" : "removed", removed, "skipped", skipped, "failed", failed);
        }
    }

    private static final Pattern GLOB = Pattern.compile("[a-z0-9*?-]{1,30}");
    private final AppContext any;
    private final String glob;
    private final Duration olderThan;
    private final PrintStream human;

    public OldStageRemoval(AppContext ctx, String glob, Duration olderThan, PrintStream human) {
        if (!GLOB.matcher(glob).matches())
            throw new InvalidInputException("--stage '" + glob + "' is not a stage name or glob; use lowercase letters, digits, '-', '*' and '?'");
        this.any = ctx.forStage(sample(glob));
        this.glob = glob;
        this.olderThan = olderThan;
        this.human = human;
    }

    /** A stage name the glob matches: infra.yaml read for it gives the app's name and state store. */
    private static String sample(String glob) {
        String s = glob.replace('*', 'x').replace('?', 'x');
        return Character.isLetter(s.charAt(0)) ? s : "x" + s;
    }

    public Outcome run(boolean dryRun, boolean yes, Remover remover) {
        if (!dryRun && !yes && !any.io().tty())
            throw new InvalidInputException("remove --older-than deletes whole stages; rerun with --yes, or with --dry-run to see which");
        Instant now = any.io().clock().instant();
        Instant cutoff = now.minus(olderThan);
        Pattern match = Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
        List<String> removed = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        Map<String, String> failed = new TreeMap<>();
        human.println("Stages of " + any.config().app() + " matching '" + glob + "' last changed before " + Ages.when(cutoff, now) + ":");
        for (StageSummary s : StageCatalog.read(any)) {
            if (!match.matcher(s.stage()).matches()) continue;
            String why = skipReason(s, cutoff, now);
            if (why != null) {
                skipped.put(s.stage(), why);
                human.println("skipped " + s.stage() + ": " + why);
            } else if (dryRun) {
                removed.add(s.stage());
                human.println("would remove " + s.stage() + " (last change " + Ages.when(s.lastChange(), now) + " by " + s.by() + ")");
            } else {
                String error = removeOne(s, remover, cutoff);
                if (error == null) removed.add(s.stage());
                else failed.put(s.stage(), error);
            }
        }
        human.println((dryRun ? "Would remove " : "Removed ") + removed.size() + plural(removed.size()) + (removed.isEmpty() ? "" : " (" + String.join(", ", removed) + ")")
                + ", skipped " + skipped.size() + (failed.isEmpty() ? "" : ", failed " + failed.size() + " (" + String.join(", ", failed.keySet()) + ")") + ".");
        return new Outcome(dryRun, removed, skipped, failed);
    }

    private String skipReason(StageSummary s, Instant cutoff, Instant now) {
        if (s.protect()) return "protected (remove it alone, with --confirm " + s.stage() + ")";
        if (s.lastChange() == null) return "its state records no change time (written by an older infra); remove it alone";
        if (!s.lastChange().isBefore(cutoff)) return "changed " + Ages.when(s.lastChange(), now) + ", within " + Ages.span(olderThan);
        return null;
    }

    /** Null when removed, else why not. */
    private String removeOne(StageSummary s, Remover remover, Instant cutoff) {
        human.println("removing " + s.stage() + " (last change " + Ages.when(s.lastChange(), any.io().clock().instant()) + " by " + s.by() + ")");
        String error;
        try {
            int code = remover.remove(any.forStage(s.stage()), cutoff);
            error = code == 0 ? null : "exit " + code + "; rerun to resume";
        } catch (Exception e) {
            error = e.getMessage();
        }
        human.println(error == null ? "removed " + s.stage() : "failed to remove " + s.stage() + ": " + error);
        return error;
    }

    private static String plural(int n) {
        return n == 1 ? " stage" : " stages";
    }
}

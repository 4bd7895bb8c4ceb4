package dev.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The full example's whole lifecycle on a harsh FakeAws of one seed, each command run once (no rerun): secrets load,
 * deploy (after which no address may be carried by two live resources), clean diff, clean refreshed diff, a change
 * (database scaling and rate limit), deploy, remove; then nothing of the stage may be left but its secrets. With the
 * system property {@code harsh.lost} (a share, 0 by default) harsh mode also loses that share of the responses of
 * calls that change something ({@code harsh.throttle} and {@code harsh.errors}: throttled calls and HTTP 500s);
 * duplicates are counted after each deploy and after the refreshed diff. Returns what happened rather than asserting, so a run of many seeds can
 * count the failures.
 */
final class HarshLifecycle {
    /** One seed's outcome: the virtual time of each deploy and of the remove, and the first failure (empty when it passed). */
    record Outcome(long seed, List<Duration> deploys, List<Duration> removes, Map<String, Integer> refusals, String failure) {
        boolean passed() {
            return failure.isEmpty();
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + (passed() ? "passed" : "FAILED " + failure) + ", virtual time per deploy "
                    + deploys.stream().map(d -> d.toSeconds() + " s").toList() + ", remove "
                    + removes.stream().map(d -> d.toSeconds() + " s").toList() + ", refusals " + refusals;
        }
    }

    private HarshLifecycle() { }

    /** What else goes wrong besides harsh mode's own cases: shares (0..1) of lost responses, throttled calls, HTTP 500s. */
    record Troubles(double lost, double throttled, double serverErrors) {
        static final Troubles NONE = new Troubles(0, 0, 0);

        /** From the system properties {@code harsh.lost}, {@code harsh.throttle}, {@code harsh.errors} ({@code bin/harsh}). */
        static Troubles fromProperties() {
            return new Troubles(share("harsh.lost"), share("harsh.throttle"), share("harsh.errors"));
        }

        private static double share(String property) {
            return Double.parseDouble(System.getProperty(property, "0"));
        }
    }

    static Outcome run(long seed, Path dir) throws Exception {
        return run(seed, dir, Troubles.fromProperties());
    }

    static Outcome run(long seed, Path dir, Troubles troubles) throws Exception {
        List<Duration> deploys = new ArrayList<>();
        List<Duration> removes = new ArrayList<>();
        try (FullExample example = new FullExample(Files.createDirectories(dir))) {
            example.fake.harsh(seed, troubles.lost());
            example.fake.faults().throttle(troubles.throttled()).serverErrors(troubles.serverErrors());
            String failure = steps(example, deploys, removes);
            return new Outcome(seed, deploys, removes, example.fake.harshRefusals(), failure);
        }
    }

    private static String steps(FullExample example, List<Duration> deploys, List<Duration> removes) throws Exception {
        String f = step(example, "secrets load", 0, "secrets", "load", ".env");
        if (f.isEmpty()) f = deploy(example, deploys);
        if (f.isEmpty()) f = duplicates(example, "the deploy");
        if (f.isEmpty()) f = step(example, "diff", 0, "diff", "--detailed-exitcode");
        if (f.isEmpty()) f = step(example, "refreshed diff", 0, "diff", "--detailed-exitcode", "--refresh");
        if (f.isEmpty()) f = duplicates(example, "the refreshed diff");
        if (f.isEmpty()) {
            example.write(500, "max: 8, pauseAfter");
            f = step(example, "diff of the change", 4, "diff", "--detailed-exitcode");
        }
        if (f.isEmpty()) f = deploy(example, deploys);
        if (f.isEmpty()) f = duplicates(example, "the second deploy");
        if (f.isEmpty()) f = step(example, "refreshed diff after the change", 0, "diff", "--detailed-exitcode", "--refresh");
        if (f.isEmpty()) f = timed(example, removes, "remove", "remove", "--yes");
        if (f.isEmpty()) f = leftovers(example);
        return f;
    }

    private static String deploy(FullExample example, List<Duration> deploys) {
        return timed(example, deploys, "deploy", "deploy", "--yes");
    }

    /** A step that should exit 0, its virtual time added to {@code times}. */
    private static String timed(FullExample example, List<Duration> times, String what, String... args) {
        Instant start = example.fake.clock().now();
        String f = step(example, what, 0, args);
        times.add(Duration.between(start, example.fake.clock().now()));
        return f;
    }

    private static String step(FullExample example, String what, int code, String... args) {
        Cli.Result r = example.run("dev", args);
        if (r.code() == code) return "";
        String failed = r.err().lines().filter(l -> l.contains("FAILED")).findFirst().map(l -> l.strip() + " | ").orElse("");
        return what + " exited " + r.code() + ": " + failed + lastLines(r.out() + r.err());
    }

    private static String leftovers(FullExample example) {
        List<String> left = example.fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev")).stream()
                .filter(arn -> !arn.startsWith("arn:aws:ssm:")).toList();
        return left.isEmpty() ? "" : "left after remove: " + left;
    }

    /**
     * Addresses that more than one live resource of any type carries (by the {@code infra:resource} tag): a create made
     * twice.
     */
    private static String duplicates(FullExample example, String after) {
        Map<String, Integer> byAddress = new java.util.TreeMap<>();
        example.fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev"))
                .forEach(id -> byAddress.merge(example.fake.tagsOf(id).getOrDefault("infra:resource", id), 1, Integer::sum));
        byAddress.values().removeIf(n -> n < 2);
        return byAddress.isEmpty() ? "" : "duplicates after " + after + ": " + byAddress;
    }

    private static String lastLines(String s) {
        String[] lines = s.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 6), lines.length));
    }
}

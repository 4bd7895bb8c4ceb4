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
 * calls that change something. Returns what happened rather than asserting, so a run of many seeds can
 * count the failures.
 */
final class HarshLifecycle {
    /** One seed's outcome: the virtual time of each deploy, and the first failure (empty when it passed). */
    record Outcome(long seed, List<Duration> deploys, Map<String, Integer> refusals, String failure) {
        boolean passed() {
            return failure.isEmpty();
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + (passed() ? "passed" : "FAILED " + failure) + ", virtual time per deploy "
                    + deploys.stream().map(d -> d.toSeconds() + " s").toList() + ", refusals " + refusals;
        }
    }

    private HarshLifecycle() { }

    static Outcome run(long seed, Path dir) throws Exception {
        List<Duration> deploys = new ArrayList<>();
        try (FullExample example = new FullExample(Files.createDirectories(dir))) {
            example.fake.harsh(seed, Double.parseDouble(System.getProperty("harsh.lost", "0")));
            String failure = steps(example, deploys);
            return new Outcome(seed, deploys, example.fake.harshRefusals(), failure);
        }
    }

    private static String steps(FullExample example, List<Duration> deploys) throws Exception {
        String f = step(example, "secrets load", 0, "secrets", "load", ".env");
        if (f.isEmpty()) f = deploy(example, deploys);
        if (f.isEmpty()) f = duplicates(example);
        if (f.isEmpty()) f = step(example, "diff", 0, "diff", "--detailed-exitcode");
        if (f.isEmpty()) f = step(example, "refreshed diff", 0, "diff", "--detailed-exitcode", "--refresh");
        if (f.isEmpty()) {
            example.write(500, "max: 8, pauseAfter");
            f = step(example, "diff of the change", 4, "diff", "--detailed-exitcode");
        }
        if (f.isEmpty()) f = deploy(example, deploys);
        if (f.isEmpty()) f = step(example, "refreshed diff after the change", 0, "diff", "--detailed-exitcode", "--refresh");
        if (f.isEmpty()) f = step(example, "remove", 0, "remove", "--yes");
        if (f.isEmpty()) f = leftovers(example);
        return f;
    }

    private static String deploy(FullExample example, List<Duration> deploys) {
        Instant start = example.fake.clock().now();
        String f = step(example, "deploy", 0, "deploy", "--yes");
        deploys.add(Duration.between(start, example.fake.clock().now()));
        return f;
    }

    private static String step(FullExample example, String what, int code, String... args) {
        Cli.Result r = example.run("dev", args);
        if (r.code() == code) return "";
        return what + " exited " + r.code() + ": " + lastLines(r.out() + r.err());
    }

    private static String leftovers(FullExample example) {
        List<String> left = example.fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev")).stream()
                .filter(arn -> !arn.startsWith("arn:aws:ssm:")).toList();
        return left.isEmpty() ? "" : "left after remove: " + left;
    }

    /** Addresses that more than one live resource carries (by the {@code infra:resource} tag): a create made twice. */
    private static String duplicates(FullExample example) {
        Map<String, Integer> byAddress = new java.util.TreeMap<>();
        example.fake.tagged(Map.of("infra:app", "carbon", "infra:stage", "dev"))
                .forEach(id -> byAddress.merge(example.fake.tagsOf(id).getOrDefault("infra:resource", id), 1, Integer::sum));
        byAddress.values().removeIf(n -> n < 2);
        return byAddress.isEmpty() ? "" : "duplicates after the deploy: " + byAddress;
    }

    private static String lastLines(String s) {
        String[] lines = s.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 6), lines.length));
    }
}

package dev.infra.core.parse;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** AWS facts the validator checks against: regions, Fargate cpu/memory pairs, CIDRs, Aurora versions with auto-pause. */
final class AwsRules {
    static final Set<String> REGIONS = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1",
            "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
            "af-south-1", "me-south-1", "me-central-1", "il-central-1",
            "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
            "cn-north-1", "cn-northwest-1");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /**
     * The first minor version of each Aurora PostgreSQL major that has Serverless v2 auto-pause (min capacity 0 ACUs),
     * as AWS announced it in November 2024: 13.15, 14.12, 15.7, 16.3; every 17 has it.
     */
    private static final Map<Integer, Integer> PG_AUTO_PAUSE_FROM = new java.util.TreeMap<>(Map.of(13, 15, 14, 12, 15, 7, 16, 3, 17, 0));
    /** The first Aurora MySQL version with auto-pause: 3.08.0. */
    private static final int[] MYSQL_AUTO_PAUSE_FROM = {3, 8, 0};
    private static final Pattern PG_VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    /** Aurora MySQL 3.08.0 was the first with auto-pause; version 2 (MySQL 5.7) never had it. */
    private static final Pattern MYSQL_VERSION = Pattern.compile("\\d+\\.\\d+\\.mysql_aurora\\.(\\d+)\\.(\\d+)\\.(\\d+)");

    private AwsRules() { }

    /**
     * True when the Aurora engine version is known to lack Serverless v2 auto-pause, so RDS refuses a minimum
     * capacity of 0 ACUs; false when it has it or when the version is not one this table can read.
     */
    static boolean lacksAutoPause(boolean postgres, String version) {
        if (postgres) {
            var m = PG_VERSION.matcher(version);
            if (!m.matches()) return false;
            int major = Integer.parseInt(m.group(1));
            if (major > 17) return false;
            Integer from = PG_AUTO_PAUSE_FROM.get(major);
            return from == null || Integer.parseInt(m.group(2)) < from;
        }
        var m = MYSQL_VERSION.matcher(version);
        if (!m.matches()) return false;
        int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        return java.util.Arrays.compare(v, MYSQL_AUTO_PAUSE_FROM) < 0;
    }

    /** The versions that have auto-pause, for a hint. */
    static String autoPauseVersions(boolean postgres) {
        return postgres ? "Aurora PostgreSQL " + pgAutoPauseMinors() + " or later minor versions, or any 17"
                : "Aurora MySQL 8.0.mysql_aurora." + mysqlAutoPauseFrom() + " or later";
    }

    /** The same, short, for the field's description: where {@code min: 0} is allowed. */
    static String autoPauseVersionsShort() {
        return "Aurora PostgreSQL " + pgAutoPauseMinors() + " or later, any 17; MySQL " + MYSQL_AUTO_PAUSE_FROM + " or later";
    }

    private static String mysqlAutoPauseFrom() {
        return String.format("%d.%02d.%d", MYSQL_AUTO_PAUSE_FROM[0], MYSQL_AUTO_PAUSE_FROM[1], MYSQL_AUTO_PAUSE_FROM[2]);
    }

    private static String pgAutoPauseMinors() {
        return PG_AUTO_PAUSE_FROM.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + "." + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Fargate's legal memory (MiB) for a cpu value; empty when the cpu value itself is illegal. */
    static boolean fargatePair(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> stepped(memory, 1024, 4096, 1024);
            case 1024 -> stepped(memory, 2048, 8192, 1024);
            case 2048 -> stepped(memory, 4096, 16384, 1024);
            case 4096 -> stepped(memory, 8192, 30720, 1024);
            case 8192 -> stepped(memory, 16384, 61440, 4096);
            case 16384 -> stepped(memory, 32768, 122880, 8192);
            default -> false;
        };
    }

    static String fargateHint(int cpu) {
        return switch (cpu) {
            case 256 -> "with cpu 256 use memory 512, 1024 or 2048";
            case 512 -> "with cpu 512 use memory 1024 to 4096 in steps of 1024";
            case 1024 -> "with cpu 1024 use memory 2048 to 8192 in steps of 1024";
            case 2048 -> "with cpu 2048 use memory 4096 to 16384 in steps of 1024";
            case 4096 -> "with cpu 4096 use memory 8192 to 30720 in steps of 1024";
            case 8192 -> "with cpu 8192 use memory 16384 to 61440 in steps of 4096";
            case 16384 -> "with cpu 16384 use memory 32768 to 122880 in steps of 8192";
            default -> "cpu must be 256, 512, 1024, 2048, 4096, 8192 or 16384";
        };
    }

    private static boolean stepped(int v, int min, int max, int step) {
        return v >= min && v <= max && (v - min) % step == 0;
    }

    /** The prefix length of a valid network CIDR (no host bits set), else -1. */
    static int cidrPrefix(String cidr) {
        var m = CIDR.matcher(cidr);
        if (!m.matches()) return -1;
        long addr = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) return -1;
            addr = (addr << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) return -1;
        long hostMask = prefix == 0 ? 0xFFFFFFFFL : (1L << (32 - prefix)) - 1;
        return (addr & hostMask) == 0 ? prefix : -1;
    }
}

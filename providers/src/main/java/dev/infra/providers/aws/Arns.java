package dev.infra.providers.aws;

/** ARNs built the way AWS spells them, with the partition of the region. */
public final class Arns {
    private Arns() { }

    public static String partition(String region) {
        if (region.startsWith("us-gov-")) return "aws-us-gov";
        if (region.startsWith("cn-")) return "aws-cn";
        return "aws";
    }

    public static String of(Aws aws, String service, String account, String resource) {
        String region = aws.clients().region();
        return "arn:" + partition(region) + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}

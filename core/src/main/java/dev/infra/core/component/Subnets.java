package dev.infra.core.component;

/** Splits a VPC CIDR into 16 equal blocks (prefix + 4). */
final class Subnets {
    private Subnets() { }

    static String block(String vpcCidr, int index) {
        String[] parts = vpcCidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long base = 0;
        for (String octet : parts[0].split("\\.")) base = (base << 8) | Integer.parseInt(octet);
        int sub = prefix + 4;
        long addr = base + ((long) index << (32 - sub));
        return ((addr >> 24) & 255) + "." + ((addr >> 16) & 255) + "." + ((addr >> 8) & 255) + "." + (addr & 255) + "/" + sub;
    }
}

package io.callflow.engine.effects;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** CIDR ranges (IPv4 or IPv6) that flow HTTP requests may not reach. */
final class AddressRanges {
    private record Range(byte[] network, int prefix) {
    }

    private final List<Range> ranges;

    AddressRanges(List<String> cidrs) {
        this.ranges = cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(AddressRanges::parse).toList();
    }

    boolean denies(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.network().length == bytes.length && samePrefix(range.network(), bytes, range.prefix())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
        int bits = a.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    private static Range parse(String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            return new Range(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
        }
    }
}

package dev.platen.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** A CIDR block of IPv4 or IPv6 addresses. */
record AddressRange(byte[] prefix, int bits) {

    /**
     * Addresses artwork is never fetched from: they reach the engine's own host, its private network or a cloud's
     * metadata service (169.254.169.254, fd00:ec2::254) rather than a shop's public file server. IANA special-purpose
     * registries (RFC 6890 and successors). IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) need no entry: Java
     * reads them as the IPv4 address they carry, which these ranges then judge.
     */
    static final List<AddressRange> REFUSED = List.of(
            parse("0.0.0.0/8"), parse("10.0.0.0/8"), parse("100.64.0.0/10"), parse("127.0.0.0/8"),
            parse("169.254.0.0/16"), parse("172.16.0.0/12"), parse("192.0.0.0/24"), parse("192.0.2.0/24"),
            parse("192.88.99.0/24"), parse("192.168.0.0/16"), parse("198.18.0.0/15"), parse("198.51.100.0/24"),
            parse("203.0.113.0/24"), parse("224.0.0.0/4"), parse("240.0.0.0/4"),
            parse("::/128"), parse("::1/128"), parse("64:ff9b::/96"),
            parse("64:ff9b:1::/48"), parse("100::/64"), parse("2001::/23"), parse("2001:db8::/32"),
            parse("2002::/16"), parse("fc00::/7"), parse("fe80::/10"), parse("fec0::/10"), parse("ff00::/8"));

    static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + cidr);
        }
        try {
            // A literal: no name lookup happens for it.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            return new AddressRange(bytes, bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + cidr, e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((candidate[i / 8] & mask) != (prefix[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}

package dev.sockit.addr;

import java.util.Optional;

/** STUB: inet_pton / inet_ntop text for IPv4 and IPv6. Replace. */
final class InetText {
    private InetText() {
    }

    static Optional<Ipv4Address> pton4(String src) {
        throw new UnsupportedOperationException("TODO");
    }

    static Optional<Ipv6Address> pton6(String src) {
        throw new UnsupportedOperationException("TODO");
    }

    static Ipv4Address parse4(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    static Ipv6Address parse6(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    static String format6(byte[] bytes) {
        throw new UnsupportedOperationException("TODO");
    }
}

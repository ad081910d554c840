package dev.sockit.addr;

import java.util.OptionalLong;

/** STUB: glibc's legacy IPv4 parsers and classful arithmetic. Replace. */
final class LegacyIpv4 {
    private LegacyIpv4() {
    }

    static OptionalLong aton(String cp) {
        throw new UnsupportedOperationException("TODO");
    }

    static long network(String cp) {
        throw new UnsupportedOperationException("TODO");
    }

    static long makeaddr(long net, long host) {
        throw new UnsupportedOperationException("TODO");
    }

    static long lnaof(long hostOrder) {
        throw new UnsupportedOperationException("TODO");
    }

    static long netof(long hostOrder) {
        throw new UnsupportedOperationException("TODO");
    }
}

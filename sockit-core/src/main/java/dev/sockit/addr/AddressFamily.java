package dev.sockit.addr;

/**
 * Address families, with the numbers Linux gives them ({@code AF_*} in {@code <sys/socket.h>}).
 */
public enum AddressFamily {
    /** {@code AF_UNSPEC}: any family; used in hints. */
    AF_UNSPEC(0),
    /** {@code AF_UNIX}: local (UNIX domain) sockets. */
    AF_UNIX(1),
    /** {@code AF_INET}: IPv4. */
    AF_INET(2),
    /** {@code AF_INET6}: IPv6. */
    AF_INET6(10);

    private final int value;

    AddressFamily(int value) {
        this.value = value;
    }

    /** The number Linux uses for this family. */
    public int value() {
        return value;
    }

    /**
     * The family with the given Linux number.
     *
     * @throws IllegalArgumentException if Linux has no such family or sockit does not know it
     */
    public static AddressFamily of(int value) {
        for (AddressFamily family : values()) {
            if (family.value == value) {
                return family;
            }
        }
        throw new IllegalArgumentException("address family: " + value + " (expected: 0, 1, 2 or 10)");
    }
}

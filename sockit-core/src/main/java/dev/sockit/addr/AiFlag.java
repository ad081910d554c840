package dev.sockit.addr;

/**
 * Flags of {@code getaddrinfo(3)} hints ({@code AI_*} in {@code <netdb.h>}), with glibc's values.
 *
 * <p>glibc's IDN flags ({@code AI_IDN}, {@code AI_CANONIDN}) are not offered: sockit passes host
 * names through unchanged, as glibc does without them.
 */
public enum AiFlag {
    /** {@code AI_PASSIVE} (0x1): with no host, the wildcard address (for {@code bind}) instead of loopback. */
    AI_PASSIVE(0x1),
    /** {@code AI_CANONNAME} (0x2): the first result carries the host's canonical name. */
    AI_CANONNAME(0x2),
    /** {@code AI_NUMERICHOST} (0x4): the host must be a numeric address; no name lookup. */
    AI_NUMERICHOST(0x4),
    /** {@code AI_V4MAPPED} (0x8): with {@code AF_INET6}, IPv4 results as IPv4-mapped IPv6 addresses when there are no IPv6 ones. */
    AI_V4MAPPED(0x8),
    /** {@code AI_ALL} (0x10): with {@code AI_V4MAPPED}, IPv6 results and IPv4-mapped ones. */
    AI_ALL(0x10),
    /** {@code AI_ADDRCONFIG} (0x20): only families this host has an address of, loopback not counted. */
    AI_ADDRCONFIG(0x20),
    /** {@code AI_NUMERICSERV} (0x400): the service must be a port number; no service lookup. */
    AI_NUMERICSERV(0x400);

    private final int value;

    AiFlag(int value) {
        this.value = value;
    }

    /** The flag's bit, as glibc defines it. */
    public int value() {
        return value;
    }
}

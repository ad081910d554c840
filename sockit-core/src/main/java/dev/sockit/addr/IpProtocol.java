package dev.sockit.addr;

/**
 * IP protocol numbers ({@code IPPROTO_*} in {@code <netinet/in.h>}), as IANA assigns them.
 */
public enum IpProtocol {
    /** {@code IPPROTO_IP} (0): the default protocol for the socket type. */
    IPPROTO_IP(0),
    /** {@code IPPROTO_ICMP} (1). */
    IPPROTO_ICMP(1),
    /** {@code IPPROTO_TCP} (6). */
    IPPROTO_TCP(6),
    /** {@code IPPROTO_UDP} (17). */
    IPPROTO_UDP(17),
    /** {@code IPPROTO_DCCP} (33). */
    IPPROTO_DCCP(33),
    /** {@code IPPROTO_IPV6} (41), also the socket-option level for IPv6 options. */
    IPPROTO_IPV6(41),
    /** {@code IPPROTO_ICMPV6} (58). */
    IPPROTO_ICMPV6(58),
    /** {@code IPPROTO_SCTP} (132). */
    IPPROTO_SCTP(132),
    /** {@code IPPROTO_UDPLITE} (136). */
    IPPROTO_UDPLITE(136),
    /** {@code IPPROTO_RAW} (255). */
    IPPROTO_RAW(255);

    private final int value;

    IpProtocol(int value) {
        this.value = value;
    }

    /** The protocol number. */
    public int value() {
        return value;
    }

    /**
     * The protocol with the given number.
     *
     * @throws IllegalArgumentException if sockit knows no such protocol
     */
    public static IpProtocol of(int value) {
        for (IpProtocol protocol : values()) {
            if (protocol.value == value) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("protocol: " + value + " (expected: a known IPPROTO_* number)");
    }
}

package dev.sockit.net;

/**
 * Socket option levels and names with Linux's numbers, for {@link Socket#setsockopt} and
 * {@link Socket#getsockopt}: the {@code SOL_*}, {@code IPPROTO_*}, {@code SO_*}, {@code TCP_*},
 * {@code IP_*} and {@code IPV6_*} macros of {@code <sys/socket.h>}, {@code <netinet/in.h>} and
 * {@code <netinet/tcp.h>} that sockit supports.
 *
 * <p>Every option takes and gives an {@code int}, as in C; three do not have an int in C and
 * are given one here: {@link #SO_LINGER} (seconds of linger, or -1 for off),
 * {@link #SO_RCVTIMEO} and {@link #SO_SNDTIMEO} (milliseconds, 0 for none). Each option also
 * has a typed accessor on {@link Socket}.
 */
public final class SockOpt {
    /** Level of the socket layer's options. */
    public static final int SOL_SOCKET = 1;
    /** Level of IPv4 options. */
    public static final int IPPROTO_IP = 0;
    /** Level of TCP options. */
    public static final int IPPROTO_TCP = 6;
    /** Level of IPv6 options. */
    public static final int IPPROTO_IPV6 = 41;

    /** {@code SO_TYPE} (3): the socket type's number; read-only. */
    public static final int SO_TYPE = 3;
    /** {@code SO_ERROR} (4): the pending error's number, 0 if none; reading clears it; read-only. */
    public static final int SO_ERROR = 4;
    /** {@code SO_REUSEADDR} (2): bind to an address in {@code TIME_WAIT}. */
    public static final int SO_REUSEADDR = 2;
    /** {@code SO_DEBUG} (1): the kernel records debugging information for the socket; setting it needs {@code CAP_NET_ADMIN} ({@code EACCES} otherwise). */
    public static final int SO_DEBUG = 1;

    /** {@code SO_BROADCAST} (6): a datagram socket may send to a broadcast address. */
    public static final int SO_BROADCAST = 6;
    /** {@code SO_SNDBUF} (7): the send buffer's size in bytes; Linux doubles what is set. */
    public static final int SO_SNDBUF = 7;
    /** {@code SO_RCVBUF} (8): the receive buffer's size in bytes; Linux doubles what is set. */
    public static final int SO_RCVBUF = 8;
    /** {@code SO_KEEPALIVE} (9): send TCP keep-alive probes. */
    public static final int SO_KEEPALIVE = 9;
    /** {@code SO_LINGER} (13): seconds {@code close} waits for unsent data, or -1 for off (sockit's int form). */
    public static final int SO_LINGER = 13;
    /** {@code SO_REUSEPORT} (15): several sockets may bind the same address and port. */
    public static final int SO_REUSEPORT = 15;
    /** {@code SO_RCVTIMEO} (20): milliseconds a blocking receive waits, 0 for ever (sockit's int form). */
    public static final int SO_RCVTIMEO = 20;
    /** {@code SO_SNDTIMEO} (21): milliseconds a blocking send waits, 0 for ever (sockit's int form). */
    public static final int SO_SNDTIMEO = 21;

    /** {@code TCP_NODELAY} (1): send small segments at once (no Nagle). */
    public static final int TCP_NODELAY = 1;
    /** {@code TCP_KEEPIDLE} (4): idle seconds before the first keep-alive probe. */
    public static final int TCP_KEEPIDLE = 4;
    /** {@code TCP_KEEPINTVL} (5): seconds between keep-alive probes. */
    public static final int TCP_KEEPINTVL = 5;
    /** {@code TCP_KEEPCNT} (6): unanswered probes before the connection is dropped. */
    public static final int TCP_KEEPCNT = 6;

    /** {@code IP_TOS} (1): the type-of-service byte of outgoing packets. */
    public static final int IP_TOS = 1;
    /** {@code IP_MULTICAST_TTL} (33): the TTL of outgoing multicast datagrams. */
    public static final int IP_MULTICAST_TTL = 33;
    /** {@code IP_MULTICAST_LOOP} (34): loop outgoing multicast back to this host. */
    public static final int IP_MULTICAST_LOOP = 34;
    /**
     * {@code IP_ADD_MEMBERSHIP} (35): join a multicast group. Its value is a {@code struct ip_mreq},
     * not an int: use {@link Socket#joinGroup}; the int API says {@code EINVAL}, as Linux does for
     * a value too short.
     */
    public static final int IP_ADD_MEMBERSHIP = 35;
    /** {@code IP_DROP_MEMBERSHIP} (36): leave a multicast group; use {@link Socket#leaveGroup}. */
    public static final int IP_DROP_MEMBERSHIP = 36;

    /** {@code IPV6_V6ONLY} (26): an IPv6 socket refuses IPv4-mapped peers; set it before {@code bind}. */
    public static final int IPV6_V6ONLY = 26;

    private SockOpt() {
    }
}

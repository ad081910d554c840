package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpProtocol;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What a {@link Trace} line shows between the parentheses of each call, and after its result,
 * as strace 6.1 prints the C call: the arguments, with C's constants by name (strace's
 * {@code 0x3e7 /* SO_??? *}{@code /} for a number it has no name for). Pure functions of their
 * arguments, called only when the trace is on. The forms are described in {@link Trace}.
 */
final class TraceFormat {
    /** {@code recv}'s last two arguments: no address wanted. */
    static final String NO_SOURCE = "NULL, NULL";

    private static final int SOL_IP = 0;
    private static final int SOL_SOCKET = 1;
    private static final int SOL_TCP = 6;
    private static final int SOL_UDP = 17;
    private static final int SOL_IPV6 = 41;

    private static final Map<Integer, String> LEVELS = Map.of(
            SOL_IP, "SOL_IP", SOL_SOCKET, "SOL_SOCKET", SOL_TCP, "SOL_TCP", SOL_UDP, "SOL_UDP", SOL_IPV6, "SOL_IPV6");
    private static final Map<Integer, String> SOCKET_OPTIONS = Map.ofEntries(
            Map.entry(1, "SO_DEBUG"), Map.entry(2, "SO_REUSEADDR"), Map.entry(3, "SO_TYPE"), Map.entry(4, "SO_ERROR"),
            Map.entry(5, "SO_DONTROUTE"), Map.entry(6, "SO_BROADCAST"), Map.entry(7, "SO_SNDBUF"),
            Map.entry(8, "SO_RCVBUF"), Map.entry(9, "SO_KEEPALIVE"), Map.entry(10, "SO_OOBINLINE"),
            Map.entry(11, "SO_NO_CHECK"), Map.entry(12, "SO_PRIORITY"), Map.entry(13, "SO_LINGER"),
            Map.entry(14, "SO_BSDCOMPAT"), Map.entry(15, "SO_REUSEPORT"), Map.entry(16, "SO_PASSCRED"),
            Map.entry(17, "SO_PEERCRED"), Map.entry(18, "SO_RCVLOWAT"), Map.entry(19, "SO_SNDLOWAT"),
            Map.entry(20, "SO_RCVTIMEO_OLD"), Map.entry(21, "SO_SNDTIMEO_OLD"), Map.entry(25, "SO_BINDTODEVICE"),
            Map.entry(30, "SO_ACCEPTCONN"), Map.entry(32, "SO_SNDBUFFORCE"), Map.entry(33, "SO_RCVBUFFORCE"),
            Map.entry(38, "SO_PROTOCOL"), Map.entry(39, "SO_DOMAIN"));
    private static final Map<Integer, String> TCP_OPTIONS = Map.ofEntries(
            Map.entry(1, "TCP_NODELAY"), Map.entry(2, "TCP_MAXSEG"), Map.entry(3, "TCP_CORK"),
            Map.entry(4, "TCP_KEEPIDLE"), Map.entry(5, "TCP_KEEPINTVL"), Map.entry(6, "TCP_KEEPCNT"),
            Map.entry(7, "TCP_SYNCNT"), Map.entry(8, "TCP_LINGER2"), Map.entry(9, "TCP_DEFER_ACCEPT"),
            Map.entry(10, "TCP_WINDOW_CLAMP"), Map.entry(11, "TCP_INFO"), Map.entry(12, "TCP_QUICKACK"),
            Map.entry(13, "TCP_CONGESTION"), Map.entry(18, "TCP_USER_TIMEOUT"), Map.entry(23, "TCP_FASTOPEN"));
    private static final Map<Integer, String> IP_OPTIONS = Map.ofEntries(
            Map.entry(1, "IP_TOS"), Map.entry(2, "IP_TTL"), Map.entry(3, "IP_HDRINCL"), Map.entry(4, "IP_OPTIONS"),
            Map.entry(8, "IP_PKTINFO"), Map.entry(10, "IP_MTU_DISCOVER"), Map.entry(11, "IP_RECVERR"),
            Map.entry(32, "IP_MULTICAST_IF"), Map.entry(33, "IP_MULTICAST_TTL"), Map.entry(34, "IP_MULTICAST_LOOP"),
            Map.entry(35, "IP_ADD_MEMBERSHIP"), Map.entry(36, "IP_DROP_MEMBERSHIP"));
    private static final Map<Integer, String> IPV6_OPTIONS = Map.of(
            16, "IPV6_UNICAST_HOPS", 17, "IPV6_MULTICAST_IF", 18, "IPV6_MULTICAST_HOPS", 19, "IPV6_MULTICAST_LOOP",
            20, "IPV6_ADD_MEMBERSHIP", 21, "IPV6_DROP_MEMBERSHIP", 26, "IPV6_V6ONLY", 49, "IPV6_RECVPKTINFO",
            67, "IPV6_TCLASS");
    private static final int[] MSG_BITS = {
        0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000, 0x8000,
        0x10000, 0x20000, 0x40000, 0x80000, 0x4000000, 0x20000000, 0x40000000,
    };
    private static final String[] MSG_NAMES = {
        "MSG_OOB", "MSG_PEEK", "MSG_DONTROUTE", "MSG_CTRUNC", "MSG_PROBE", "MSG_TRUNC", "MSG_DONTWAIT", "MSG_EOR",
        "MSG_WAITALL", "MSG_FIN", "MSG_SYN", "MSG_CONFIRM", "MSG_RST", "MSG_ERRQUEUE", "MSG_NOSIGNAL", "MSG_MORE",
        "MSG_WAITFORONE", "MSG_SENDPAGE_NOTLAST", "MSG_BATCH", "MSG_NO_SHARED_FRAGS", "MSG_ZEROCOPY", "MSG_FASTOPEN",
        "MSG_CMSG_CLOEXEC",
    };
    private static final String[] HOW = {"SHUT_RD", "SHUT_WR", "SHUT_RDWR"};

    private TraceFormat() {
    }

    // ---------------------------------------------------------------------------------------
    // Calls

    /** {@code AF_INET, SOCK_STREAM, IPPROTO_TCP}: the protocol as given, not as resolved. */
    static String socket(AddressFamily family, SocketType type, int proto) {
        return family + ", " + type + ", " + protocol(family, proto);
    }

    /** {@code AF_UNIX, SOCK_STREAM, 0, [3, 4]}; {@code []} for the descriptors of a failed call. */
    static String socketpair(OptionalInt first, OptionalInt second) {
        String fds = first.isPresent() && second.isPresent() ? first.getAsInt() + ", " + second.getAsInt() : "";
        return "AF_UNIX, SOCK_STREAM, 0, [" + fds + "]";
    }

    /** {@code bind} and {@code connect}: {@code 3, {sa_family=AF_INET, ...}, 16}. */
    static String withAddress(int fd, SockAddr address) {
        return fd + ", " + Trace.sockaddr(address) + ", " + Trace.socklen(address);
    }

    /** {@code 3, 5}: the backlog as given. */
    static String listen(int fd, int backlog) {
        return fd + ", " + backlog;
    }

    /**
     * {@code accept}, {@code getsockname} and {@code getpeername}: {@code 3, {sa_family=AF_INET,
     * ...}, [16]}; {@code 3, {}, [16]} when the call failed (empty {@code address}).
     */
    static String named(int fd, Optional<SockAddr> address, AddressFamily family) {
        return fd + ", " + addressOut(address, family);
    }

    /**
     * An address the kernel writes and its length: {@code {sa_family=AF_INET, ...}, [16]},
     * {@code {sa_family=AF_UNIX, sun_path="/tmp/s"}, [110 => 9]} where the length written back
     * differs from the size given, {@code {}, [16]} when nothing was written.
     */
    static String addressOut(Optional<SockAddr> address, AddressFamily family) {
        int size = structSize(family);
        if (address.isEmpty()) {
            return "{}, [" + size + "]";
        }
        int written = writtenLength(address.get());
        return Trace.sockaddr(address.get()) + ", [" + size + (written == size ? "" : " => " + written) + "]";
    }

    /**
     * {@code recvfrom}: {@code 4, "hello\n", 255, 0, NULL, NULL}. The bytes shown are the
     * {@code stored} bytes from {@code offset} of {@code data} (none for a failed call);
     * {@code size} is the space the call was given; {@code source} is {@link #NO_SOURCE} or an
     * {@link #addressOut}.
     */
    static String recvfrom(int fd, ByteBuffer data, int offset, int stored, int size, int flags, String source) {
        return fd + ", " + Trace.quote(data, offset, stored) + ", " + size + ", " + msgFlags(flags) + ", " + source;
    }

    /** {@code sendto}: {@code 4, "hi", 2, 0, NULL, 0}, or the address and its length for {@code sendto}. */
    static String sendto(int fd, ByteBuffer data, int offset, int length, int flags, Optional<SockAddr> target) {
        String to = target.map(address -> Trace.sockaddr(address) + ", " + Trace.socklen(address)).orElse("NULL, 0");
        return fd + ", " + Trace.quote(data, offset, length) + ", " + length + ", " + msgFlags(flags) + ", " + to;
    }

    /** {@code 4, SHUT_WR}. */
    static String shutdown(int fd, int how) {
        return fd + ", " + (how >= 0 && how < HOW.length ? HOW[how] : unknown(how, "SHUT_???"));
    }

    /** {@code 4}. */
    static String close(int fd) {
        return Integer.toString(fd);
    }

    /**
     * {@code setsockopt(fd, level, optname, &value, sizeof value)} with sockit's int as the C
     * value it stands for: {@code 3, SOL_SOCKET, SO_REUSEADDR, [1], 4},
     * {@code 3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8}.
     */
    static String setsockopt(int fd, int level, int optname, int value) {
        return fd + ", " + level(level) + ", " + optname(level, optname) + ", " + optionValue(level, optname, value)
                + ", " + optionSize(level, optname);
    }

    /**
     * {@code getsockopt(fd, level, optname, &value, &size)}: {@code 3, SOL_SOCKET, SO_ERROR,
     * [ECONNREFUSED], [4]}; the value empty of its kind when the call failed.
     */
    static String getsockopt(int fd, int level, int optname, OptionalInt value) {
        String shown = value.isPresent() ? optionValue(level, optname, value.getAsInt()) : emptyValue(level, optname);
        return fd + ", " + level(level) + ", " + optname(level, optname) + ", " + shown
                + ", [" + optionSize(level, optname) + "]";
    }

    /**
     * {@code joinGroup} and {@code leaveGroup} as the {@code setsockopt} of a {@code struct ip_mreq}:
     * {@code 3, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr("239.1.2.3"),
     * imr_interface=inet_addr("127.0.0.1")}, 8}.
     */
    static String membership(int fd, boolean join, Ipv4Address group, Ipv4Address iface) {
        return fd + ", SOL_IP, " + (join ? "IP_ADD_MEMBERSHIP" : "IP_DROP_MEMBERSHIP") + ", {imr_multiaddr=inet_addr(\""
                + group + "\"), imr_interface=inet_addr(\"" + iface + "\")}, 8";
    }

    /**
     * {@code select}'s arguments: {@code 6, [3 5], [4], [], NULL}; the timeout
     * {@code {tv_sec=1, tv_usec=0}} (rounded up to microseconds) when {@code timeoutNanos} is
     * not negative. Each set is the descriptors of its sockets, in ascending order, once each;
     * the first argument is one more than the highest.
     */
    static String select(List<Integer> read, List<Integer> write, List<Integer> except, long timeoutNanos) {
        int highest = -1;
        for (List<Integer> set : List.of(read, write, except)) {
            for (int fd : set) {
                highest = Math.max(highest, fd);
            }
        }
        String timeout = timeoutNanos < 0 ? "NULL" : timeval(timeoutNanos / 1000 + (timeoutNanos % 1000 == 0 ? 0 : 1));
        return (highest + 1) + ", " + fdSet(read) + ", " + fdSet(write) + ", " + fdSet(except) + ", " + timeout;
    }

    /** How many descriptors {@code select} reports ready: in all three sets, each set counted once per descriptor. */
    static int selectCount(List<Integer> read, List<Integer> write, List<Integer> except) {
        return (int) (read.stream().distinct().count() + write.stream().distinct().count()
                + except.stream().distinct().count());
    }

    /**
     * What strace adds to {@code select}'s result: {@code in [5], out [4], left {tv_sec=0,
     * tv_usec=999998}} (the time left only if a timeout was given, {@code leftNanos} rounded
     * down), or {@code Timeout} when none is ready.
     */
    static String selectResult(List<Integer> read, List<Integer> write, List<Integer> except, long leftNanos,
            boolean timed) {
        if (read.isEmpty() && write.isEmpty() && except.isEmpty()) {
            return "Timeout";
        }
        List<String> parts = new ArrayList<>();
        if (!read.isEmpty()) {
            parts.add("in " + fdSet(read));
        }
        if (!write.isEmpty()) {
            parts.add("out " + fdSet(write));
        }
        if (!except.isEmpty()) {
            parts.add("except " + fdSet(except));
        }
        if (timed) {
            parts.add("left " + timeval(Math.max(0, leftNanos) / 1000));
        }
        return String.join(", ", parts);
    }

    /**
     * {@code poll}'s arguments: {@code [{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}], 2, -1};
     * the timeout in milliseconds, rounded up, or -1 when {@code timeoutNanos} is negative.
     */
    static String poll(List<Integer> fds, int[] events, long timeoutNanos) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < fds.size(); i++) {
            entries.add("{fd=" + fds.get(i) + ", events=" + Poll.names(events[i]) + "}");
        }
        long millis = timeoutNanos < 0 ? -1 : Math.min(Integer.MAX_VALUE, Deadline.ceilMillis(timeoutNanos));
        return "[" + String.join(", ", entries) + "], " + fds.size() + ", " + millis;
    }

    /** What strace adds to {@code poll}'s result: {@code [{fd=3, revents=POLLIN}]}, or {@code Timeout} if none. */
    static String pollResult(List<Integer> fds, int[] revents) {
        if (fds.isEmpty()) {
            return "Timeout";
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < fds.size(); i++) {
            entries.add("{fd=" + fds.get(i) + ", revents=" + Poll.names(revents[i]) + "}");
        }
        return "[" + String.join(", ", entries) + "]";
    }

    // ---------------------------------------------------------------------------------------
    // Constants and values

    /** A protocol as strace names it for the family: {@code IPPROTO_TCP}, {@code IPPROTO_IP} for 0; a number for AF_UNIX. */
    static String protocol(AddressFamily family, int proto) {
        if (family != AddressFamily.AF_INET && family != AddressFamily.AF_INET6) {
            return Integer.toString(proto);
        }
        for (IpProtocol protocol : IpProtocol.values()) {
            if (protocol.value() == proto) {
                return protocol.name();
            }
        }
        return unknown(proto, "IPPROTO_???");
    }

    /** {@code MSG_PEEK|MSG_DONTWAIT}, {@code 0}, {@code MSG_PEEK|0x8000000}, {@code 0x8000000 /* MSG_??? *}{@code /}. */
    static String msgFlags(int flags) {
        List<String> names = new ArrayList<>();
        int rest = flags;
        for (int i = 0; i < MSG_BITS.length; i++) {
            if ((flags & MSG_BITS[i]) != 0) {
                names.add(MSG_NAMES[i]);
                rest &= ~MSG_BITS[i];
            }
        }
        if (rest != 0) {
            names.add(names.isEmpty() ? unknown(rest, "MSG_???") : "0x" + Integer.toHexString(rest));
        }
        return names.isEmpty() ? "0" : String.join("|", names);
    }

    /** {@code SOL_SOCKET}, {@code SOL_TCP}, {@code SOL_IP}, {@code SOL_IPV6}; {@code 0x3e7 /* SOL_?? *}{@code /}. */
    static String level(int level) {
        String name = LEVELS.get(level);
        return name != null ? name : unknown(level, "SOL_??");
    }

    /** An option's name at its level; a plain number at a level strace does not know. */
    static String optname(int level, int optname) {
        Map<Integer, String> names;
        String unknown;
        switch (level) {
            case SOL_SOCKET -> {
                names = SOCKET_OPTIONS;
                unknown = "SO_???";
            }
            case SOL_TCP -> {
                names = TCP_OPTIONS;
                unknown = "TCP_???";
            }
            case SOL_IP -> {
                names = IP_OPTIONS;
                unknown = "IP_???";
            }
            case SOL_IPV6 -> {
                names = IPV6_OPTIONS;
                unknown = "IPV6_???";
            }
            default -> {
                return Integer.toString(optname);
            }
        }
        String name = names.get(optname);
        return name != null ? name : unknown(optname, unknown);
    }

    /** {@code {tv_sec=1, tv_usec=500000}}. */
    static String timeval(long micros) {
        return "{tv_sec=" + micros / 1_000_000 + ", tv_usec=" + micros % 1_000_000 + "}";
    }

    /** The sockets' descriptors ({@link Socket#fileno}), in the same order. */
    static List<Integer> fds(List<Socket> sockets) {
        return sockets.stream().map(Socket::fileno).toList();
    }

    /** The descriptors, each once, in ascending order, as {@code [3 5]}. */
    private static String fdSet(List<Integer> fds) {
        return fds.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }

    /**
     * Sockit's int for an option as the C value it stands for: {@code [1]}; {@code SO_LINGER}'s
     * seconds (-1: off) as a {@code struct linger}; {@code SO_RCVTIMEO}'s milliseconds as the 16
     * bytes of a {@code struct timeval}, which strace 6.1 does not decode; {@code SO_ERROR}'s
     * number by name.
     */
    private static String optionValue(int level, int optname, int value) {
        if (level == SOL_SOCKET) {
            switch (optname) {
                case SockOpt.SO_LINGER -> {
                    return value < 0 ? "{l_onoff=0, l_linger=0}" : "{l_onoff=1, l_linger=" + value + "}";
                }
                case SockOpt.SO_RCVTIMEO, SockOpt.SO_SNDTIMEO -> {
                    ByteBuffer timeval = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                            .putLong(value / 1000).putLong(value % 1000 * 1000L);
                    return Trace.quote(timeval, 0, 16);
                }
                case SockOpt.SO_ERROR -> {
                    return "[" + (value == 0 ? "0" : Errno.of(value).map(Errno::name).orElse(Integer.toString(value)))
                            + "]";
                }
                default -> {
                    // An int.
                }
            }
        }
        return "[" + value + "]";
    }

    private static String emptyValue(int level, int optname) {
        if (level == SOL_SOCKET && optname == SockOpt.SO_LINGER) {
            return "{}";
        }
        if (level == SOL_SOCKET && (optname == SockOpt.SO_RCVTIMEO || optname == SockOpt.SO_SNDTIMEO)) {
            return "\"\"";
        }
        return "[]";
    }

    /** {@code sizeof} the option's C value. */
    private static int optionSize(int level, int optname) {
        if (level == SOL_SOCKET && optname == SockOpt.SO_LINGER) {
            return 8;
        }
        if (level == SOL_SOCKET && (optname == SockOpt.SO_RCVTIMEO || optname == SockOpt.SO_SNDTIMEO)) {
            return 16;
        }
        return 4;
    }

    /** {@code sizeof} the address structure of the family, which a C program passes for the kernel to fill. */
    private static int structSize(AddressFamily family) {
        return switch (family) {
            case AF_INET -> 16;
            case AF_INET6 -> 28;
            default -> 110;
        };
    }

    /** The length Linux writes back with an address: a UNIX path's is the family, the path and its NUL. */
    private static int writtenLength(SockAddr address) {
        return switch (address) {
            case InetSockAddr inet -> structSize(inet.family());
            case UnixSockAddr unix -> unix.isUnnamed() ? 2 : 2 + unix.path().getBytes(StandardCharsets.UTF_8).length + 1;
        };
    }

    /** strace's form for a number it has no name for: {@code 0x3e7 /* SO_??? *}{@code /}. */
    private static String unknown(int value, String placeholder) {
        return "0x" + Integer.toHexString(value) + " /* " + placeholder + " */";
    }
}

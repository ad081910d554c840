package dev.sockit.net;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The call trace: each socket call and its result, one line in strace's syntax, for learners
 * and for debugging. The line of a C program's call under {@code strace -f -a0} and the line of
 * the same call made through sockit read the same:
 *
 * <pre>
 * socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3
 * bind(3, {sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr("0.0.0.0")}, 16) = 0
 * listen(3, 5) = 0
 * accept(3, {sa_family=AF_INET, sin_port=htons(40112), sin_addr=inet_addr("127.0.0.1")}, [16]) = 4
 * recvfrom(4, "hello\n", 255, 0, NULL, NULL) = 6
 * sendto(4, "I got your message", 18, 0, NULL, 0) = 18
 * connect(5, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
 * select(5, [3 4], [], [], {tv_sec=1, tv_usec=0}) = 1 (in [4], left {tv_sec=0, tv_usec=999874})
 * poll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}], 2, -1) = 1 ([{fd=4, revents=POLLOUT}])
 * </pre>
 *
 * <h2>Switching it on</h2>
 * Off unless the system property {@code sockit.trace} is {@code stderr} or {@code stdout} when
 * this class initialises (the CLI's {@code --trace} sets it first). The choice is final for the
 * JVM: {@link #ENABLED} is a {@code static final boolean}, and every hook is
 * {@code if (Trace.ENABLED) ...} or {@code throw Trace.ENABLED ? Trace.failed(...) : e}: with the
 * trace off a call costs the test of a constant, which the JIT folds away with the code behind
 * it, and builds no string and allocates nothing. Lines are written whole, so lines of several threads never
 * interleave; a line is written when its call returns (strace's {@code <unfinished ...>} split
 * of a blocking call is not needed), never while a socket's state lock is held.
 *
 * <h2>What each call shows</h2>
 * The names and arguments are those of the C call that sockit's call stands for, as the C
 * program (or CPython) would have passed them:
 * <ul>
 * <li>File descriptors are {@link Socket#fileno}: -1 where the JVM does not open
 *     {@code sun.nio.ch} to sockit, and for a socket already closed.
 * <li>{@code recv}, {@code recvInto}, {@code recvfrom} and {@code recvfromInto} show as
 *     {@code recvfrom} (as strace shows glibc's {@code recv}): the bytes received (cut after
 *     {@value #STRING_LIMIT}, as strace's {@code -s 32}), the buffer's size, the flags by name,
 *     and {@code NULL, NULL} or the source address with its length. {@code send},
 *     {@code sendall} and {@code sendto} show as {@code sendto}, with the bytes given;
 *     {@code sendall} is one line for the whole buffer, as a blocking {@code send} is one call.
 * <li>Lengths are those of C's structures: 16 for {@code sockaddr_in}, 28 for
 *     {@code sockaddr_in6}, 110 for {@code sockaddr_un} (see {@link #socklen}); a length the
 *     kernel writes back shows as {@code [16]}, or {@code [110 => 13]} when it differs.
 * <li>{@code SO_LINGER} shows C's {@code struct linger}; {@code SO_RCVTIMEO} and
 *     {@code SO_SNDTIMEO} show as strace 6.1 shows them on x86-64: {@code SO_RCVTIMEO_OLD}, and
 *     the {@code struct timeval} as its 16 bytes. {@code joinGroup} and {@code leaveGroup} show
 *     as {@code setsockopt} of a {@code struct ip_mreq}.
 * <li>{@code select} and {@code poll} show the sets and the result as strace does, with the
 *     time left ({@code left {...}}) when a timeout was given, or {@code (Timeout)}.
 * </ul>
 *
 * <h2>Failures</h2>
 * A failed call ends in {@code = -1 ERRNO (strerror)}, the errno of its {@link SocketError}
 * ({@code EAGAIN} for a timeout that ran out, as Linux reports {@code SO_RCVTIMEO}). Where
 * strace shows the address of a buffer the kernel did not fill, a Java program has no address
 * to show, so an output a failed call did not fill shows empty, of its kind: {@code ""} for
 * received bytes, {@code {}} for an address or a structure, {@code []} for an {@code int}:
 * {@code recvfrom(4, "", 255, 0, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)},
 * {@code accept(3, {}, [16]) = -1 EAGAIN (...)}. Lengths show what was passed in. A failure
 * that has no errno (rare: an I/O error sockit does not map) ends in {@code = ? (message)},
 * strace's form for a call that did not return a value. Argument errors C cannot express
 * ({@link IllegalArgumentException}, {@link NullPointerException}) make no line: no system
 * call was made.
 *
 * <h2>Where it differs from strace</h2>
 * strace pads a short line so that {@code =} falls in column 40 ({@code -a}); this trace does
 * not, as {@code strace -a0}. Threads are not told apart (strace {@code -f} prefixes
 * {@code [pid N]}). Calls sockit makes but Python's socket module would not (the JDK's own
 * {@code fcntl}, {@code epoll_wait} and the like) are not shown; Python's {@code setblocking}
 * and {@code settimeout}, which make no network call, show nothing either.
 */
public final class Trace {
    /** Whether calls are traced in this JVM. */
    public static final boolean ENABLED;
    private static final PrintStream OUT;
    /** As strace's default {@code -s 32}: strings longer than this are cut and followed by {@code ...}. */
    static final int STRING_LIMIT = 32;

    static {
        String where = System.getProperty("sockit.trace", "").toLowerCase(Locale.ROOT);
        OUT = switch (where) {
            case "stderr", "true", "1" -> System.err;
            case "stdout" -> System.out;
            default -> null;
        };
        ENABLED = OUT != null;
    }

    private Trace() {
    }

    /** Writes {@code call(args) = result}. Callers test {@link #ENABLED} first. */
    static void returned(String call, String args, long result) {
        OUT.println(line(call, args, result));
    }

    /** Writes {@code call(args) = result (detail)}, as strace explains a select or poll result. */
    static void returned(String call, String args, long result, String detail) {
        OUT.println(line(call, args, result) + " (" + detail + ")");
    }

    /**
     * Writes the line of a call that failed with {@code error}, {@code call(args) = -1 ERRNO
     * (strerror)}, and returns {@code error}, for {@code throw Trace.ENABLED ? Trace.failed(call,
     * args, e) : e}. Callers test {@link #ENABLED} first.
     */
    static <E extends IOException> E failed(String call, String args, E error) {
        OUT.println(failure(call, args, error));
        return error;
    }

    static String line(String call, String args, long result) {
        return call + "(" + args + ") = " + result;
    }

    static String failure(String call, String args, Errno errno) {
        return call + "(" + args + ") = -1 " + errno.name() + " (" + errno.message() + ")";
    }

    /** The line of a call that failed with {@code error}: its errno, or {@code = ?} if it has none. */
    static String failure(String call, String args, IOException error) {
        if (error instanceof SocketError socketError) {
            return failure(call, args, socketError.errno());
        }
        return call + "(" + args + ") = ? (" + error + ")";
    }

    /**
     * A socket address as strace shows a {@code struct sockaddr}:
     * {@code {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}},
     * {@code {sa_family=AF_UNIX, sun_path="/tmp/s"}}, and {@code {sa_family=AF_UNIX}} for the
     * unnamed address.
     */
    public static String sockaddr(SockAddr address) {
        if (address instanceof InetSockAddr inet && inet.address() instanceof Ipv4Address v4) {
            return "{sa_family=AF_INET, sin_port=htons(" + inet.port() + "), sin_addr=inet_addr(\"" + v4 + "\")}";
        }
        if (address instanceof InetSockAddr inet && inet.address() instanceof Ipv6Address v6) {
            return "{sa_family=AF_INET6, sin6_port=htons(" + inet.port() + "), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \""
                    + v6.withScopeId(0) + "\", &sin6_addr), sin6_scope_id=" + v6.scopeId() + "}";
        }
        if (address instanceof UnixSockAddr unix) {
            if (unix.isUnnamed()) {
                return "{sa_family=AF_UNIX}";
            }
            byte[] path = unix.path().getBytes(StandardCharsets.UTF_8);
            return "{sa_family=AF_UNIX, sun_path=" + quote(ByteBuffer.wrap(path), 0, path.length, Integer.MAX_VALUE) + "}";
        }
        return "{sa_family=" + address.family() + ", " + address + "}";
    }

    /**
     * The length C passes with {@code address}: {@code sizeof(struct sockaddr_in)} is 16,
     * {@code sockaddr_in6} 28, {@code sockaddr_un} 110; for the unnamed UNIX address 2,
     * {@code sizeof(sa_family_t)}, as a C program asks Linux to pick a name.
     */
    public static int socklen(SockAddr address) {
        if (address instanceof UnixSockAddr unix && unix.isUnnamed()) {
            return 2;
        }
        return switch (address.family()) {
            case AF_INET -> 16;
            case AF_INET6 -> 28;
            default -> 110;
        };
    }

    /**
     * The bytes between {@code position} and {@code position + length} of {@code data} as strace
     * quotes a buffer: C escapes, octal for other bytes outside printable ASCII, cut after
     * {@value #STRING_LIMIT} bytes with {@code ...} after the closing quote.
     */
    public static String quote(ByteBuffer data, int position, int length) {
        return quote(data, position, length, STRING_LIMIT);
    }

    private static String quote(ByteBuffer data, int position, int length, int limit) {
        int shown = Math.min(length, limit);
        StringBuilder text = new StringBuilder(shown + 8).append('"');
        for (int i = 0; i < shown; i++) {
            int b = data.get(position + i) & 0xff;
            int next = i + 1 < shown ? data.get(position + i + 1) & 0xff : -1;
            appendEscaped(text, b, next >= '0' && next <= '7');
        }
        text.append('"');
        return length > limit ? text.append("...").toString() : text.toString();
    }

    private static void appendEscaped(StringBuilder text, int b, boolean digitFollows) {
        switch (b) {
            case '"' -> text.append("\\\"");
            case '\\' -> text.append("\\\\");
            case '\n' -> text.append("\\n");
            case '\r' -> text.append("\\r");
            case '\t' -> text.append("\\t");
            case '\f' -> text.append("\\f");
            case 0x0b -> text.append("\\v");
            default -> {
                if (b >= 0x20 && b < 0x7f) {
                    text.append((char) b);
                } else {
                    String octal = Integer.toOctalString(b);
                    text.append('\\').append(digitFollows ? "0".repeat(3 - octal.length()) : "").append(octal);
                }
            }
        }
    }
}

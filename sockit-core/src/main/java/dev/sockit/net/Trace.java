package dev.sockit.net;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The call trace: each socket call and its result, one line in strace's syntax, for learners
 * and for debugging.
 *
 * <pre>
 * socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3
 * bind(3, {sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr("0.0.0.0")}, 16) = 0
 * connect(4, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
 * </pre>
 *
 * <p>Off unless the system property {@code sockit.trace} is {@code stderr} or {@code stdout}
 * when this class initialises (the CLI's {@code --trace} sets it first). The choice is final:
 * callers test {@link #ENABLED}, a constant, so a trace that is off costs nothing once compiled.
 * Lines are written whole, so lines from several threads never interleave.
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
        OUT.println(call + "(" + args + ") = " + result);
    }

    /** Writes {@code call(args) = -1 ERRNO (strerror)}. Callers test {@link #ENABLED} first. */
    static void failed(String call, String args, Errno errno) {
        OUT.println(call + "(" + args + ") = -1 " + errno.name() + " (" + errno.message() + ")");
    }

    /**
     * A socket address as strace shows a {@code struct sockaddr}:
     * {@code {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}}.
     */
    public static String sockaddr(SockAddr address) {
        if (address instanceof InetSockAddr inet && inet.address() instanceof Ipv4Address v4) {
            return "{sa_family=AF_INET, sin_port=htons(" + inet.port() + "), sin_addr=inet_addr(\"" + v4 + "\")}";
        }
        if (address instanceof InetSockAddr inet && inet.address() instanceof Ipv6Address v6) {
            return "{sa_family=AF_INET6, sin6_port=htons(" + inet.port() + "), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \""
                    + v6.withScopeId(0) + "\", &sin6_addr), sin6_scope_id=" + v6.scopeId() + "}";
        }
        return "{sa_family=" + address.family() + ", " + address + "}";
    }

    /** The length C passes with {@code address}: {@code sizeof(struct sockaddr_in)} is 16, {@code sockaddr_in6} 28. */
    public static int socklen(SockAddr address) {
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
        int shown = Math.min(length, STRING_LIMIT);
        StringBuilder text = new StringBuilder(shown + 8).append('"');
        for (int i = 0; i < shown; i++) {
            int b = data.get(position + i) & 0xff;
            int next = i + 1 < shown ? data.get(position + i + 1) & 0xff : -1;
            appendEscaped(text, b, next >= '0' && next <= '7');
        }
        text.append('"');
        return length > STRING_LIMIT ? text.append("...").toString() : text.toString();
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

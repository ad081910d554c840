package dev.sockit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceTest {

    /**
     * The contract that makes a trace that is off cost nothing: every hook tests this field, a
     * {@code static final boolean}, which the JIT treats as a constant and folds away with the
     * code it guards. (The test JVM runs without {@code sockit.trace}, so it is off here.)
     */
    @Test
    void enabled_isAStaticFinalBoolean_offUnlessAsked() throws NoSuchFieldException {
        Field enabled = Trace.class.getField("ENABLED");

        assertThat(enabled.getType()).isEqualTo(boolean.class);
        assertThat(Modifier.isStatic(enabled.getModifiers()) && Modifier.isFinal(enabled.getModifiers())).isTrue();
        assertThat(Trace.ENABLED).isFalse();
    }

    @Test
    void sockaddr_ipv4_asStraceShowsIt() {
        String text = Trace.sockaddr(InetSockAddr.of(Ipv4Address.ANY, 5000));

        assertThat(text).isEqualTo("{sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr(\"0.0.0.0\")}");
    }

    @Test
    void sockaddr_ipv6_asStraceShowsIt() {
        String text = Trace.sockaddr(InetSockAddr.of(Ipv6Address.LOOPBACK, 80));

        assertThat(text).isEqualTo(
                "{sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}");
    }

    @Test
    void sockaddr_unix_asStraceShowsIt() {
        assertThat(Trace.sockaddr(new UnixSockAddr("/tmp/x"))).isEqualTo("{sa_family=AF_UNIX, sun_path=\"/tmp/x\"}");
    }

    /** strace 6.1 quotes sun_path whole (no -s cut) with the same escapes, non-ASCII bytes in octal. */
    @Test
    void sockaddr_unixLongPath_notCut_escaped() {
        String text = Trace.sockaddr(new UnixSockAddr("/tmp/stc/a-rather-long-directory-name-\u00e9-x\n"));

        assertThat(text).isEqualTo("{sa_family=AF_UNIX, sun_path=\"/tmp/stc/a-rather-long-directory-name-\\303\\251-x\\n\"}");
    }

    @Test
    void sockaddr_unnamedUnix_familyOnly() {
        assertThat(Trace.sockaddr(UnixSockAddr.UNNAMED)).isEqualTo("{sa_family=AF_UNIX}");
    }

    @Test
    void socklen_isTheSizeOfTheCStruct() {
        assertThat(Trace.socklen(InetSockAddr.of(Ipv4Address.LOOPBACK, 1))).isEqualTo(16);
        assertThat(Trace.socklen(InetSockAddr.of(Ipv6Address.LOOPBACK, 1))).isEqualTo(28);
        assertThat(Trace.socklen(new UnixSockAddr("/tmp/x"))).isEqualTo(110);
    }

    @Test
    void socklen_unnamedUnix_isSizeofSaFamily_asCAsksForAName() {
        assertThat(Trace.socklen(UnixSockAddr.UNNAMED)).isEqualTo(2);
    }

    @Test
    void line_callArgsAndResult() {
        assertThat(Trace.line("listen", "3, 5", 0)).isEqualTo("listen(3, 5) = 0");
    }

    @Test
    void failure_socketError_errnoNameAndStrerror() {
        IOException refused = Errors.of(Errno.ECONNREFUSED, "connect", "127.0.0.1:9");

        assertThat(Trace.failure("connect", "4, {}, 16", refused))
                .isEqualTo("connect(4, {}, 16) = -1 ECONNREFUSED (Connection refused)");
    }

    @Test
    void failure_timeout_isEagain_asLinuxReportsSoRcvtimeo() {
        IOException timedOut = Errors.timedOut("recv", "");

        assertThat(Trace.failure("recvfrom", "4, \"\", 1, 0, NULL, NULL", timedOut))
                .isEqualTo("recvfrom(4, \"\", 1, 0, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)");
    }

    @Test
    void failure_withoutErrno_questionMark() {
        assertThat(Trace.failure("close", "4", new IOException("disk on fire")))
                .isEqualTo("close(4) = ? (java.io.IOException: disk on fire)");
    }

    /** The expected text is what strace 6.1 printed for the same 17 bytes written by a C program. */
    @Test
    void quote_escapesLikeStrace() {
        byte[] bytes = {'a', 0, 'b', 0, '1', '"', '\\', '\n', '\t', '\r', 0x0b, '\f', 0x7f, (byte) 0x80, (byte) 0xff, 'z', 0};

        String text = Trace.quote(ByteBuffer.wrap(bytes), 0, bytes.length);

        assertThat(text).isEqualTo("\"a\\0b\\0001\\\"\\\\\\n\\t\\r\\v\\f\\177\\200\\377z\\0\"");
    }

    @Test
    void quote_longBuffer_cutAfter32BytesWithDots() {
        byte[] bytes = "0123456789012345678901234567890123456789".getBytes(StandardCharsets.US_ASCII);

        String text = Trace.quote(ByteBuffer.wrap(bytes), 0, bytes.length);

        assertThat(text).isEqualTo("\"01234567890123456789012345678901\"...");
    }

    @Test
    void quote_exactly32Bytes_noDots() {
        byte[] bytes = "01234567890123456789012345678901".getBytes(StandardCharsets.US_ASCII);

        assertThat(Trace.quote(ByteBuffer.wrap(bytes), 0, bytes.length)).isEqualTo("\"01234567890123456789012345678901\"");
    }

    @Test
    void quote_slice_readsFromPositionWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.wrap("xxhello".getBytes(StandardCharsets.US_ASCII));

        assertThat(Trace.quote(buffer, 2, 5)).isEqualTo("\"hello\"");
        assertThat(buffer.position()).isZero();
    }
}

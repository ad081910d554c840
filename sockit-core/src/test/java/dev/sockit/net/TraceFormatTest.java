package dev.sockit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Each formatter's exact text. Every expected string is what strace 6.1 printed for the C call
 * with the same arguments on Linux x86-64 (small C programs run under
 * {@code strace -a0 -e trace=network,select,poll,close}), except where {@link Trace} documents
 * its own form: the outputs of a failed call, which strace shows as pointers.
 */
class TraceFormatTest {
    private static final SockAddr LOOPBACK_5000 = InetSockAddr.of(Ipv4Address.LOOPBACK, 5000);
    private static final String LOOPBACK_5000_TEXT =
            "{sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr(\"127.0.0.1\")}";

    @Test
    void socket_protocolAsGiven_namedForInetFamilies() {
        assertThat(TraceFormat.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 6))
                .isEqualTo("AF_INET, SOCK_STREAM, IPPROTO_TCP");
        assertThat(TraceFormat.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0))
                .isEqualTo("AF_INET, SOCK_STREAM, IPPROTO_IP");
        assertThat(TraceFormat.socket(AddressFamily.AF_INET6, SocketType.SOCK_DGRAM, 17))
                .isEqualTo("AF_INET6, SOCK_DGRAM, IPPROTO_UDP");
        assertThat(TraceFormat.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 132))
                .isEqualTo("AF_INET, SOCK_STREAM, IPPROTO_SCTP");
    }

    @Test
    void socket_unknownProtocol_hexWithComment() {
        assertThat(TraceFormat.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 999))
                .isEqualTo("AF_INET, SOCK_STREAM, 0x3e7 /* IPPROTO_??? */");
    }

    @Test
    void socket_unixAndUnspec_protocolAsANumber() {
        assertThat(TraceFormat.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM, 1)).isEqualTo("AF_UNIX, SOCK_STREAM, 1");
        assertThat(TraceFormat.socket(AddressFamily.AF_UNSPEC, SocketType.SOCK_STREAM, 0))
                .isEqualTo("AF_UNSPEC, SOCK_STREAM, 0");
    }

    @Test
    void socketpair_theTwoDescriptors_orEmptyWhenFailed() {
        assertThat(TraceFormat.socketpair(OptionalInt.of(3), OptionalInt.of(4))).isEqualTo("AF_UNIX, SOCK_STREAM, 0, [3, 4]");
        assertThat(TraceFormat.socketpair(OptionalInt.empty(), OptionalInt.empty()))
                .isEqualTo("AF_UNIX, SOCK_STREAM, 0, []");
    }

    @Test
    void withAddress_bindAndConnect() {
        assertThat(TraceFormat.withAddress(3, InetSockAddr.of(Ipv4Address.ANY, 5000)))
                .isEqualTo("3, {sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr(\"0.0.0.0\")}, 16");
        assertThat(TraceFormat.withAddress(3, InetSockAddr.of(Ipv6Address.LOOPBACK, 5000)))
                .isEqualTo("3, {sa_family=AF_INET6, sin6_port=htons(5000), sin6_flowinfo=htonl(0), "
                        + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28");
        assertThat(TraceFormat.withAddress(3, new UnixSockAddr("/tmp/stc/x")))
                .isEqualTo("3, {sa_family=AF_UNIX, sun_path=\"/tmp/stc/x\"}, 110");
        assertThat(TraceFormat.withAddress(4, UnixSockAddr.UNNAMED)).isEqualTo("4, {sa_family=AF_UNIX}, 2");
    }

    @Test
    void listen_backlogAsGiven() {
        assertThat(TraceFormat.listen(3, 5)).isEqualTo("3, 5");
        assertThat(TraceFormat.listen(4, -3)).isEqualTo("4, -3");
    }

    @Test
    void named_lengthWrittenBack_shownOnlyWhereItDiffers() {
        assertThat(TraceFormat.named(3, Optional.of(LOOPBACK_5000), AddressFamily.AF_INET))
                .isEqualTo("3, " + LOOPBACK_5000_TEXT + ", [16]");
        assertThat(TraceFormat.named(3, Optional.of(InetSockAddr.of(Ipv6Address.LOOPBACK, 80)), AddressFamily.AF_INET6))
                .endsWith("sin6_scope_id=0}, [28]");
        assertThat(TraceFormat.named(3, Optional.of(UnixSockAddr.UNNAMED), AddressFamily.AF_UNIX))
                .isEqualTo("3, {sa_family=AF_UNIX}, [110 => 2]");
        assertThat(TraceFormat.named(4, Optional.of(new UnixSockAddr("/tmp/stc/x")), AddressFamily.AF_UNIX))
                .isEqualTo("4, {sa_family=AF_UNIX, sun_path=\"/tmp/stc/x\"}, [110 => 13]");
    }

    @Test
    void named_failed_emptyAddress_sizeGiven() {
        assertThat(TraceFormat.named(3, Optional.empty(), AddressFamily.AF_INET)).isEqualTo("3, {}, [16]");
        assertThat(TraceFormat.named(3, Optional.empty(), AddressFamily.AF_INET6)).isEqualTo("3, {}, [28]");
        assertThat(TraceFormat.named(3, Optional.empty(), AddressFamily.AF_UNIX)).isEqualTo("3, {}, [110]");
    }

    @Test
    void recvfrom_recv_bytesReceived_nullSource() {
        ByteBuffer data = ascii("hello\n");

        assertThat(TraceFormat.recvfrom(4, data, 0, 6, 255, 0, TraceFormat.NO_SOURCE))
                .isEqualTo("4, \"hello\\n\", 255, 0, NULL, NULL");
    }

    @Test
    void recvfrom_withSource_addressAndLength() {
        String source = TraceFormat.addressOut(Optional.of(LOOPBACK_5000), AddressFamily.AF_INET);

        assertThat(TraceFormat.recvfrom(3, ascii("hi"), 0, 2, 1024, 0, source))
                .isEqualTo("3, \"hi\", 1024, 0, " + LOOPBACK_5000_TEXT + ", [16]");
    }

    @Test
    void recvfrom_failed_nothingStored_emptyOutputs() {
        String source = TraceFormat.addressOut(Optional.empty(), AddressFamily.AF_INET);

        assertThat(TraceFormat.recvfrom(4, ByteBuffer.allocate(255), 0, 0, 255, Socket.MSG_DONTWAIT, TraceFormat.NO_SOURCE))
                .isEqualTo("4, \"\", 255, MSG_DONTWAIT, NULL, NULL");
        assertThat(TraceFormat.recvfrom(4, ByteBuffer.allocate(255), 0, 0, 255, Socket.MSG_DONTWAIT, source))
                .isEqualTo("4, \"\", 255, MSG_DONTWAIT, {}, [16]");
    }

    @Test
    void recvfrom_longData_cutAfter32Bytes_fromTheOffset() {
        ByteBuffer data = ascii("xx" + "ot your message01234567890123456789012345678901234567890123");

        assertThat(TraceFormat.recvfrom(4, data, 2, 58, 255, 0, TraceFormat.NO_SOURCE))
                .isEqualTo("4, \"ot your message01234567890123456\"..., 255, 0, NULL, NULL");
    }

    @Test
    void sendto_send_nullDestination() {
        assertThat(TraceFormat.sendto(4, ascii("I got your message"), 0, 18, 0, Optional.empty()))
                .isEqualTo("4, \"I got your message\", 18, 0, NULL, 0");
    }

    @Test
    void sendto_withDestination_addressAndSize() {
        assertThat(TraceFormat.sendto(3, ascii("ACK: hi"), 0, 7, 0, Optional.of(LOOPBACK_5000)))
                .isEqualTo("3, \"ACK: hi\", 7, 0, " + LOOPBACK_5000_TEXT + ", 16");
    }

    @Test
    void sendto_escapesAndCut() {
        byte[] bytes = "0123456789012345678901234567890123456789\u0001\u00021".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(TraceFormat.sendto(5, ByteBuffer.wrap(bytes), 0, bytes.length, Socket.MSG_DONTWAIT, Optional.empty()))
                .isEqualTo("5, \"01234567890123456789012345678901\"..., 43, MSG_DONTWAIT, NULL, 0");
        assertThat(TraceFormat.sendto(5, ByteBuffer.wrap(bytes), 38, 5, 0, Optional.empty()))
                .isEqualTo("5, \"89\\1\\0021\", 5, 0, NULL, 0");
    }

    @Test
    void msgFlags_namedInBitOrder_unknownBitsInHex() {
        assertThat(TraceFormat.msgFlags(0)).isEqualTo("0");
        assertThat(TraceFormat.msgFlags(Socket.MSG_PEEK | Socket.MSG_DONTWAIT)).isEqualTo("MSG_PEEK|MSG_DONTWAIT");
        assertThat(TraceFormat.msgFlags(Socket.MSG_TRUNC | Socket.MSG_PEEK)).isEqualTo("MSG_PEEK|MSG_TRUNC");
        assertThat(TraceFormat.msgFlags(Socket.MSG_WAITALL)).isEqualTo("MSG_WAITALL");
        assertThat(TraceFormat.msgFlags(0x40 | 0x4000)).isEqualTo("MSG_DONTWAIT|MSG_NOSIGNAL");
        assertThat(TraceFormat.msgFlags(0x10 | 0x20000 | 0x80000)).isEqualTo("MSG_PROBE|MSG_SENDPAGE_NOTLAST|MSG_NO_SHARED_FRAGS");
        assertThat(TraceFormat.msgFlags(Socket.MSG_PEEK | 0x8000000)).isEqualTo("MSG_PEEK|0x8000000");
        assertThat(TraceFormat.msgFlags(0x8000000)).isEqualTo("0x8000000 /* MSG_??? */");
    }

    @Test
    void shutdown_howByName() {
        assertThat(TraceFormat.shutdown(4, Socket.SHUT_RD)).isEqualTo("4, SHUT_RD");
        assertThat(TraceFormat.shutdown(4, Socket.SHUT_WR)).isEqualTo("4, SHUT_WR");
        assertThat(TraceFormat.shutdown(4, Socket.SHUT_RDWR)).isEqualTo("4, SHUT_RDWR");
        assertThat(TraceFormat.shutdown(4, 7)).isEqualTo("4, 0x7 /* SHUT_??? */");
    }

    @Test
    void close_theDescriptor() {
        assertThat(TraceFormat.close(4)).isEqualTo("4");
    }

    @Test
    void setsockopt_intOptions() {
        assertThat(TraceFormat.setsockopt(3, SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR, 1))
                .isEqualTo("3, SOL_SOCKET, SO_REUSEADDR, [1], 4");
        assertThat(TraceFormat.setsockopt(4, SockOpt.IPPROTO_TCP, SockOpt.TCP_NODELAY, 1))
                .isEqualTo("4, SOL_TCP, TCP_NODELAY, [1], 4");
        assertThat(TraceFormat.setsockopt(4, SockOpt.IPPROTO_IP, SockOpt.IP_MULTICAST_TTL, 1))
                .isEqualTo("4, SOL_IP, IP_MULTICAST_TTL, [1], 4");
        assertThat(TraceFormat.setsockopt(4, SockOpt.IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, 1))
                .isEqualTo("4, SOL_IPV6, IPV6_V6ONLY, [1], 4");
    }

    @Test
    void setsockopt_linger_asStructLinger() {
        assertThat(TraceFormat.setsockopt(5, SockOpt.SOL_SOCKET, SockOpt.SO_LINGER, 0))
                .isEqualTo("5, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8");
        assertThat(TraceFormat.setsockopt(5, SockOpt.SOL_SOCKET, SockOpt.SO_LINGER, -1))
                .isEqualTo("5, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger=0}, 8");
    }

    /** strace 6.1 on x86-64 names them _OLD and shows the struct timeval as its bytes. */
    @Test
    void setsockopt_timeouts_asTheBytesOfAStructTimeval() {
        assertThat(TraceFormat.setsockopt(4, SockOpt.SOL_SOCKET, SockOpt.SO_SNDTIMEO, 100))
                .isEqualTo("4, SOL_SOCKET, SO_SNDTIMEO_OLD, \"\\0\\0\\0\\0\\0\\0\\0\\0\\240\\206\\1\\0\\0\\0\\0\\0\", 16");
        assertThat(TraceFormat.setsockopt(5, SockOpt.SOL_SOCKET, SockOpt.SO_RCVTIMEO, 1500))
                .isEqualTo("5, SOL_SOCKET, SO_RCVTIMEO_OLD, \"\\1\\0\\0\\0\\0\\0\\0\\0 \\241\\7\\0\\0\\0\\0\\0\", 16");
    }

    @Test
    void setsockopt_unknownNames_hexWithComment() {
        assertThat(TraceFormat.setsockopt(4, SockOpt.SOL_SOCKET, 999, 1)).isEqualTo("4, SOL_SOCKET, 0x3e7 /* SO_??? */, [1], 4");
        assertThat(TraceFormat.setsockopt(4, SockOpt.IPPROTO_TCP, 999, 1)).isEqualTo("4, SOL_TCP, 0x3e7 /* TCP_??? */, [1], 4");
        assertThat(TraceFormat.setsockopt(4, SockOpt.IPPROTO_IP, 999, 1)).isEqualTo("4, SOL_IP, 0x3e7 /* IP_??? */, [1], 4");
        assertThat(TraceFormat.setsockopt(4, SockOpt.IPPROTO_IPV6, 999, 1))
                .isEqualTo("4, SOL_IPV6, 0x3e7 /* IPV6_??? */, [1], 4");
        assertThat(TraceFormat.setsockopt(4, 999, 1, 1)).isEqualTo("4, 0x3e7 /* SOL_?? */, 1, [1], 4");
    }

    @Test
    void getsockopt_valueAndSizeWrittenBack() {
        assertThat(TraceFormat.getsockopt(4, SockOpt.SOL_SOCKET, SockOpt.SO_RCVBUF, OptionalInt.of(131072)))
                .isEqualTo("4, SOL_SOCKET, SO_RCVBUF, [131072], [4]");
        assertThat(TraceFormat.getsockopt(4, SockOpt.SOL_SOCKET, SockOpt.SO_TYPE, OptionalInt.of(1)))
                .isEqualTo("4, SOL_SOCKET, SO_TYPE, [1], [4]");
        assertThat(TraceFormat.getsockopt(4, SockOpt.SOL_SOCKET, SockOpt.SO_LINGER, OptionalInt.of(-1)))
                .isEqualTo("4, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger=0}, [8]");
        assertThat(TraceFormat.getsockopt(4, SockOpt.SOL_SOCKET, SockOpt.SO_SNDTIMEO, OptionalInt.of(100)))
                .isEqualTo("4, SOL_SOCKET, SO_SNDTIMEO_OLD, \"\\0\\0\\0\\0\\0\\0\\0\\0\\240\\206\\1\\0\\0\\0\\0\\0\", [16]");
    }

    @Test
    void getsockopt_soError_byName() {
        assertThat(TraceFormat.getsockopt(3, SockOpt.SOL_SOCKET, SockOpt.SO_ERROR, OptionalInt.of(111)))
                .isEqualTo("3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]");
        assertThat(TraceFormat.getsockopt(3, SockOpt.SOL_SOCKET, SockOpt.SO_ERROR, OptionalInt.of(0)))
                .isEqualTo("3, SOL_SOCKET, SO_ERROR, [0], [4]");
    }

    @Test
    void getsockopt_failed_emptyValueOfItsKind() {
        assertThat(TraceFormat.getsockopt(4, SockOpt.IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, OptionalInt.empty()))
                .isEqualTo("4, SOL_IPV6, IPV6_V6ONLY, [], [4]");
        assertThat(TraceFormat.getsockopt(4, SockOpt.SOL_SOCKET, SockOpt.SO_LINGER, OptionalInt.empty()))
                .isEqualTo("4, SOL_SOCKET, SO_LINGER, {}, [8]");
        assertThat(TraceFormat.getsockopt(4, SockOpt.SOL_SOCKET, SockOpt.SO_RCVTIMEO, OptionalInt.empty()))
                .isEqualTo("4, SOL_SOCKET, SO_RCVTIMEO_OLD, \"\", [16]");
    }

    @Test
    void membership_asStructIpMreq() {
        Ipv4Address group = Ipv4Address.ofHostOrder(0xef010203L);

        assertThat(TraceFormat.membership(6, true, group, Ipv4Address.LOOPBACK)).isEqualTo("6, SOL_IP, IP_ADD_MEMBERSHIP, "
                + "{imr_multiaddr=inet_addr(\"239.1.2.3\"), imr_interface=inet_addr(\"127.0.0.1\")}, 8");
        assertThat(TraceFormat.membership(6, false, group, Ipv4Address.LOOPBACK)).startsWith("6, SOL_IP, IP_DROP_MEMBERSHIP, {");
    }

    @Test
    void select_setsSortedOnce_nfdsOneAboveTheHighest() {
        assertThat(TraceFormat.select(List.of(5, 3, 5), List.of(), List.of(), -1)).isEqualTo("6, [3 5], [], [], NULL");
        assertThat(TraceFormat.select(List.of(5), List.of(4, 5), List.of(3), 0)).isEqualTo(
                "6, [5], [4 5], [3], {tv_sec=0, tv_usec=0}");
        assertThat(TraceFormat.select(List.of(), List.of(), List.of(), 10_000_000)).isEqualTo(
                "0, [], [], [], {tv_sec=0, tv_usec=10000}");
    }

    @Test
    void select_timeout_roundedUpToMicroseconds() {
        assertThat(TraceFormat.select(List.of(3), List.of(), List.of(), 1_000_000_001))
                .isEqualTo("4, [3], [], [], {tv_sec=1, tv_usec=1}");
    }

    @Test
    void selectResult_readySets_andTimeLeftWhenTimed() {
        assertThat(TraceFormat.selectResult(List.of(5), List.of(), List.of(), 0, false)).isEqualTo("in [5]");
        assertThat(TraceFormat.selectResult(List.of(5), List.of(4), List.of(), 999_998_500, true))
                .isEqualTo("in [5], out [4], left {tv_sec=0, tv_usec=999998}");
        assertThat(TraceFormat.selectResult(List.of(5), List.of(5, 4), List.of(3), -5, true))
                .isEqualTo("in [5], out [4 5], except [3], left {tv_sec=0, tv_usec=0}");
        assertThat(TraceFormat.selectCount(List.of(5), List.of(5, 4), List.of(3))).isEqualTo(4);
    }

    @Test
    void selectResult_noneReady_timeout() {
        assertThat(TraceFormat.selectResult(List.of(), List.of(), List.of(), 0, true)).isEqualTo("Timeout");
        assertThat(TraceFormat.selectCount(List.of(), List.of(), List.of())).isZero();
    }

    @Test
    void poll_entriesCountAndTimeout() {
        assertThat(TraceFormat.poll(List.of(3, 4), new int[] {Poll.POLLIN, Poll.POLLIN | Poll.POLLOUT}, -1))
                .isEqualTo("[{fd=3, events=POLLIN}, {fd=4, events=POLLIN|POLLOUT}], 2, -1");
        assertThat(TraceFormat.poll(List.of(3, 99), new int[] {0, Poll.DEFAULT_EVENTS}, 0))
                .isEqualTo("[{fd=3, events=0}, {fd=99, events=POLLIN|POLLPRI|POLLOUT}], 2, 0");
        assertThat(TraceFormat.poll(List.of(), new int[0], 1_000_000)).isEqualTo("[], 0, 1");
    }

    @Test
    void poll_timeout_roundedUpToMilliseconds() {
        assertThat(TraceFormat.poll(List.of(3), new int[] {Poll.POLLIN}, 10_000_001))
                .isEqualTo("[{fd=3, events=POLLIN}], 1, 11");
    }

    @Test
    void pollResult_socketsWithEvents_orTimeout() {
        assertThat(TraceFormat.pollResult(List.of(5), new int[] {Poll.POLLIN | Poll.POLLOUT}))
                .isEqualTo("[{fd=5, revents=POLLIN|POLLOUT}]");
        assertThat(TraceFormat.pollResult(List.of(3, 99), new int[] {Poll.POLLOUT | Poll.POLLERR | Poll.POLLHUP, Poll.POLLNVAL}))
                .isEqualTo("[{fd=3, revents=POLLOUT|POLLERR|POLLHUP}, {fd=99, revents=POLLNVAL}]");
        assertThat(TraceFormat.pollResult(List.of(), new int[0])).isEqualTo("Timeout");
    }

    @Test
    void timeval_secondsAndMicroseconds() {
        assertThat(TraceFormat.timeval(1_500_000)).isEqualTo("{tv_sec=1, tv_usec=500000}");
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}

package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SocketType;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed option accessors, options across the listen swap and into accepted sockets, and
 * errors. The int API's errno for every option on every kind of socket is compared with
 * Python's in {@link SocketOracleTest}.
 */
class SocketOptionsTest {

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void typedAccessors_getAfterSet_roundTrip(AddressFamily family) throws Exception {
        try (Socket tcp = Socket.socket(family, SocketType.SOCK_STREAM);
                Socket udp = Socket.socket(family, SocketType.SOCK_DGRAM)) {
            tcp.setReuseAddress(true);
            tcp.setReusePort(true);
            tcp.setKeepAlive(true);
            tcp.setTcpNoDelay(true);
            tcp.setReceiveBufferSize(8192);
            tcp.setSendBufferSize(8192);
            tcp.setLinger(Optional.of(Duration.ofMillis(1500)));
            tcp.setReceiveTimeout(Duration.ofMillis(250));
            tcp.setSendTimeout(Duration.ofSeconds(2));
            udp.setBroadcast(true);

            assertThat(tcp.reuseAddress()).isTrue();
            assertThat(tcp.reusePort()).isTrue();
            assertThat(tcp.keepAlive()).isTrue();
            assertThat(tcp.tcpNoDelay()).isTrue();
            assertThat(tcp.receiveBufferSize()).isEqualTo(16384);
            assertThat(tcp.sendBufferSize()).isEqualTo(16384);
            assertThat(tcp.linger()).contains(Duration.ofSeconds(2));
            assertThat(tcp.receiveTimeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(tcp.sendTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(udp.broadcast()).isTrue();

            tcp.setLinger(Optional.empty());
            tcp.setTcpNoDelay(false);
            assertThat(tcp.linger()).isEmpty();
            assertThat(tcp.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_LINGER)).isEqualTo(-1);
            assertThat(tcp.tcpNoDelay()).isFalse();
        }
    }

    @Test
    void tcpKeepAliveTimers_roundTripThroughJdkNet() throws Exception {
        try (Socket tcp = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            tcp.setsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPIDLE, 30);
            tcp.setsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPINTVL, 5);
            tcp.setsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPCNT, 3);

            assertThat(tcp.getsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPIDLE)).isEqualTo(30);
            assertThat(tcp.getsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPINTVL)).isEqualTo(5);
            assertThat(tcp.getsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPCNT)).isEqualTo(3);
            assertThatThrownBy(() -> tcp.setsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPIDLE, 0))
                    .isInstanceOf(SocketErrnoException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EINVAL);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void optionsSetBeforeListen_surviveTheChannelSwap_andReachAcceptedSockets(AddressFamily family)
            throws Exception {
        try (Socket listener = Socket.socket(family, SocketType.SOCK_STREAM)) {
            listener.setReusePort(true);
            listener.setReceiveBufferSize(32768);
            listener.setTcpNoDelay(true);
            listener.setKeepAlive(true);
            listener.setsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPIDLE, 42);
            listener.setLinger(Optional.of(Duration.ofSeconds(3)));
            listener.bind(loopback(family));
            InetSockAddr bound = (InetSockAddr) listener.getsockname();

            listener.listen(8);

            assertThat(listener.getsockname()).isEqualTo(bound);
            assertThat(listener.reusePort()).isTrue();
            assertThat(listener.reuseAddress()).isFalse();
            assertThat(listener.receiveBufferSize()).isEqualTo(65536);
            assertThat(listener.tcpNoDelay()).isTrue();
            assertThat(listener.keepAlive()).isTrue();
            assertThat(listener.linger()).contains(Duration.ofSeconds(3));
            try (Socket client = Socket.createConnection(bound, PATIENCE, Optional.empty());
                    Socket accepted = listener.accept().socket()) {
                assertThat(accepted.tcpNoDelay()).isTrue();
                assertThat(accepted.keepAlive()).isTrue();
                assertThat(accepted.getsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_KEEPIDLE)).isEqualTo(42);
                assertThat(accepted.linger()).contains(Duration.ofSeconds(3));
                assertThat(client.tcpNoDelay()).isFalse();
            }
        }
    }

    @Test
    void optionsSetOnAListener_reachTheSocketsItAcceptsLater() throws Exception {
        try (Socket listener = Socket.createServer(loopback(AddressFamily.AF_INET), 1, false, false)) {
            listener.setTcpNoDelay(true);
            listener.setSendBufferSize(16384);

            assertThat(listener.tcpNoDelay()).isTrue();
            assertThat(listener.sendBufferSize()).isEqualTo(32768);
            try (Socket client = Socket.createConnection((InetSockAddr) listener.getsockname(), PATIENCE,
                    Optional.empty());
                    Socket accepted = listener.accept().socket()) {
                assertThat(accepted.getpeername()).isEqualTo(client.getsockname());
                assertThat(accepted.tcpNoDelay()).isTrue();
                assertThat(accepted.sendBufferSize()).isEqualTo(32768);
            }
        }
    }

    @Test
    void soDebug_setWithCapNetAdmin_readsBack_withoutIt_failsWithEacces() throws Exception {
        try (Socket s = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            assertThat(s.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_DEBUG)).isZero();
            if (hasCapNetAdmin()) {
                s.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_DEBUG, 1);
                assertThat(s.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_DEBUG)).isEqualTo(1);
            } else {
                assertThatThrownBy(() -> s.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_DEBUG, 1))
                        .isInstanceOf(SocketErrnoException.class)
                        .hasMessageContaining("EACCES (13)");
            }
        }
    }

    /** Linux lets only CAP_NET_ADMIN (bit 12 of the effective capabilities) turn SO_DEBUG on. */
    private static boolean hasCapNetAdmin() throws java.io.IOException {
        String capEff = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("CapEff:")).findFirst().orElseThrow().substring(7).trim();
        return (Long.parseUnsignedLong(capEff, 16) & (1L << 12)) != 0;
    }

    @Test
    void tcpOption_onADatagramSocket_failsWithEnoprotoopt_andSaysWhy() throws Exception {
        try (Socket udp = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM)) {
            assertThatThrownBy(() -> udp.setTcpNoDelay(true))
                    .isExactlyInstanceOf(SocketErrnoException.class)
                    .hasMessage("setsockopt level 6 option 1: ENOPROTOOPT (92): Protocol not available: "
                            + "no such level for this socket")
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.ENOPROTOOPT);
            assertThatThrownBy(() -> udp.tcpNoDelay())
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EOPNOTSUPP);
        }
    }

    @Test
    void intApi_structOptions_sayHowToSetThem() throws Exception {
        try (Socket udp = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM)) {
            assertThatThrownBy(() -> udp.setsockopt(SockOpt.IPPROTO_IP, SockOpt.IP_ADD_MEMBERSHIP, 1))
                    .hasMessageEndingWith("use joinGroup / leaveGroup")
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EINVAL);
            assertThatThrownBy(() -> udp.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_TYPE, 1))
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.ENOPROTOOPT);
            assertThat(udp.getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_TYPE)).isEqualTo(2);
        }
    }

    @Test
    void multicast_joinedGroupOnLoopback_receivesWhatIsSentToIt() throws Exception {
        Ipv4Address group = Ipv4Address.ofHostOrder(0xef0102f0L);
        try (Socket receiver = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM);
                Socket sender = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM)) {
            receiver.setReuseAddress(true);
            receiver.bind(new InetSockAddr(Ipv4Address.ANY, 0));
            receiver.joinGroup(group, Ipv4Address.LOOPBACK);
            receiver.settimeout(PATIENCE);
            sender.setsockopt(SockOpt.IPPROTO_IP, SockOpt.IP_MULTICAST_LOOP, 1);
            // TTL 0: the kernel loops the datagram back to this host and sends nothing on any wire.
            sender.setsockopt(SockOpt.IPPROTO_IP, SockOpt.IP_MULTICAST_TTL, 0);
            assertThat(sender.getsockopt(SockOpt.IPPROTO_IP, SockOpt.IP_MULTICAST_TTL)).isZero();
            int port = ((InetSockAddr) receiver.getsockname()).port();
            sender.bind(new InetSockAddr(Ipv4Address.LOOPBACK, 0));
            sender.sendto(new byte[] {42}, 0, new InetSockAddr(group, port));

            assertThat(receiver.recv(10, 0)).containsExactly(42);
            receiver.leaveGroup(group, Ipv4Address.LOOPBACK);
        }
    }

    @Test
    void v6Only_onADualStackListener_letsIpv4PeersIn_andOnAnIpv6OnlyOne_refusesThem() throws Exception {
        try (Socket dual = Socket.createServer(new InetSockAddr(Ipv6Address.ANY, 0), 4, false, true);
                Socket only6 = Socket.createServer(new InetSockAddr(Ipv6Address.ANY, 0), 4, false, false)) {
            int dualPort = ((InetSockAddr) dual.getsockname()).port();
            int only6Port = ((InetSockAddr) only6.getsockname()).port();

            assertThat(dual.v6Only()).isFalse();
            assertThat(only6.v6Only()).isTrue();
            try (Socket client = Socket.createConnection(new InetSockAddr(Ipv4Address.LOOPBACK, dualPort), PATIENCE,
                    Optional.empty())) {
                assertThat(client.getpeername()).isEqualTo(new InetSockAddr(Ipv4Address.LOOPBACK, dualPort));
            }
            assertThatThrownBy(() -> Socket.createConnection(new InetSockAddr(Ipv4Address.LOOPBACK, only6Port),
                    PATIENCE, Optional.empty()))
                    .isInstanceOf(ConnectionRefusedException.class);
        }
    }
}

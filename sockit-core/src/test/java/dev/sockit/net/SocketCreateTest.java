package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.closedPort;
import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.Pair;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** socket(), createConnection, createServer, argument checks and toString. */
class SocketCreateTest {

    @Test
    void socket_whatTheJdkLacks_failsAsLinux_namingWhatIsMissing() {
        assertThatThrownBy(() -> Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_RAW))
                .isExactlyInstanceOf(SocketErrnoException.class)
                .hasMessage("socket AF_INET SOCK_RAW: EPROTONOSUPPORT (93): Protocol not supported: "
                        + "the JDK has no raw sockets");
        assertThatThrownBy(() -> Socket.socket(AddressFamily.AF_INET6, SocketType.SOCK_SEQPACKET))
                .hasMessageEndingWith("the JDK has no SOCK_SEQPACKET sockets")
                .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.ESOCKTNOSUPPORT);
        assertThatThrownBy(() -> Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 17))
                .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EPROTONOSUPPORT);
    }

    @Test
    void socket_protocolZero_resolvesToTheTypesProtocol() throws Exception {
        try (Socket tcp = Socket.socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM, 6);
                Socket udp = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, 0);
                Socket unix = Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM, 1)) {
            assertThat(tcp.proto()).isEqualTo(6);
            assertThat(udp.proto()).isEqualTo(17);
            assertThat(unix.proto()).isEqualTo(1);
        }
    }

    @Test
    void createConnection_triesEachAddress_andConnectsToTheFirstThatAnswers() throws Exception {
        try (Socket listener = Socket.createServer(loopback(AddressFamily.AF_INET6), 1, false, false)) {
            InetSockAddr refused = closedPort(AddressFamily.AF_INET);
            InetSockAddr answers = (InetSockAddr) listener.getsockname();

            try (Socket socket = Socket.createConnection(List.of(refused, answers), PATIENCE, Optional.empty())) {
                assertThat(socket.getpeername()).isEqualTo(answers);
                assertThat(socket.family()).isEqualTo(AddressFamily.AF_INET6);
                assertThat(socket.timeout()).contains(PATIENCE);
            }
        }
    }

    @Test
    void createConnection_noAddressAnswers_throwsTheLastError() throws Exception {
        InetSockAddr first = closedPort(AddressFamily.AF_INET6);
        InetSockAddr last = closedPort(AddressFamily.AF_INET);

        assertThatThrownBy(() -> Socket.createConnection(List.of(first, last), PATIENCE, Optional.empty()))
                .isInstanceOf(ConnectionRefusedException.class)
                .hasMessage("connect " + last + ": ECONNREFUSED (111): Connection refused");
    }

    @Test
    void createConnection_withASource_bindsToIt() throws Exception {
        try (Socket listener = Socket.createServer(loopback(AddressFamily.AF_INET), 1, false, false)) {
            InetSockAddr source = new InetSockAddr(Ipv4Address.ofHostOrder(0x7f000002L), 0);

            try (Socket socket = Socket.createConnection((InetSockAddr) listener.getsockname(), PATIENCE,
                    Optional.of(source));
                    Socket accepted = listener.accept().socket()) {
                assertThat(((InetSockAddr) accepted.getpeername()).address()).isEqualTo(source.address());
                assertThat(socket.getsockname()).isEqualTo(accepted.getpeername());
            }
        }
    }

    @Test
    void createConnection_argumentsOutOfRange_areIllegal() {
        InetSockAddr somewhere = new InetSockAddr(Ipv4Address.LOOPBACK, 9);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Socket.createConnection(List.of(), PATIENCE, Optional.empty()))
                .withMessage("addresses: empty (expected: at least one)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Socket.createConnection(somewhere, Duration.ofSeconds(-1), Optional.empty()))
                .withMessage("timeout: PT-1S (expected: >= 0)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Socket.createConnection("localhost", 70000, PATIENCE, Optional.empty()))
                .withMessage("port: 70000 (expected: 0-65535)");
    }

    @Test
    void createConnection_hostName_resolvesAndConnects() throws Exception {
        try (Socket listener = Socket.createServer(loopback(AddressFamily.AF_INET), 1, false, false)) {
            int port = ((InetSockAddr) listener.getsockname()).port();

            try (Socket socket = Socket.createConnection("localhost", port, PATIENCE, Optional.empty());
                    Socket accepted = listener.accept().socket()) {
                assertThat(socket.getpeername()).isEqualTo(listener.getsockname());
                assertThat(accepted.getpeername()).isEqualTo(socket.getsockname());
            }
        }
    }

    @Test
    void createConnection_hostThatDoesNotResolve_throwsGaiException() {
        assertThatThrownBy(() -> Socket.createConnection("no such host", 80, PATIENCE, Optional.empty()))
                .isInstanceOf(GaiException.class)
                .hasMessageContaining("EAI_NONAME (-2): Name or service not known");
    }

    @Test
    void createServer_reusePort_letsTwoListenersShareAPort() throws Exception {
        try (Socket first = Socket.createServer(loopback(AddressFamily.AF_INET), 1, true, false);
                Socket second = Socket.createServer(first.getsockname(), 1, true, false)) {
            assertThat(second.getsockname()).isEqualTo(first.getsockname());
            assertThat(first.reuseAddress()).isTrue();
            assertThatThrownBy(() -> Socket.createServer(first.getsockname(), 1, false, false))
                    .isInstanceOf(AddressBindException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EADDRINUSE);
        }
    }

    @Test
    void createServer_dualStackOnAnIpv4Address_isIllegal() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Socket.createServer(loopback(AddressFamily.AF_INET), 1, false, true))
                .withMessage("dualStack: AF_INET address (expected: AF_INET6)");
    }

    @Test
    void recv_argumentsOutOfRange_areIllegal_andUnsupportedFlagsAreEopnotsupp() throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_INET)) {
            assertThatIllegalArgumentException().isThrownBy(() -> pair.client().recv(-1, 0))
                    .withMessage("n: -1 (expected: >= 0)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> pair.client().recvInto(ByteBuffer.allocate(1).asReadOnlyBuffer(), 0))
                    .withMessage("buffer: read-only (expected: a writable buffer)");
            assertThatThrownBy(() -> pair.client().recv(1, 0x1))
                    .hasMessageContaining("flags 0x1")
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EOPNOTSUPP);
            assertThatThrownBy(() -> pair.client().recv(1, Socket.MSG_TRUNC))
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EOPNOTSUPP);
            assertThatThrownBy(() -> pair.client().send(new byte[1], Socket.MSG_PEEK))
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EOPNOTSUPP);
        }
    }

    @Test
    void toString_looksLikePythonsRepr() throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_INET);
                Socket unbound = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM)) {
            InetSockAddr local = (InetSockAddr) pair.client().getsockname();
            InetSockAddr remote = (InetSockAddr) pair.client().getpeername();

            assertThat(pair.client().toString()).isEqualTo("<socket fd=" + pair.client().fileno()
                    + ", family=AF_INET, type=SOCK_STREAM, proto=6, laddr=127.0.0.1:" + local.port()
                    + ", raddr=127.0.0.1:" + remote.port() + ">");
            assertThat(unbound.toString()).isEqualTo("<socket fd=" + unbound.fileno()
                    + ", family=AF_INET, type=SOCK_DGRAM, proto=17, laddr=0.0.0.0:0>");
            pair.client().close();
            assertThat(pair.client().toString())
                    .isEqualTo("<socket [closed] fd=-1, family=AF_INET, type=SOCK_STREAM, proto=6>");
        }
    }

    @Test
    void listen_replacesTheChannel_butKeepsTheAddress() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            socket.bind(loopback(AddressFamily.AF_INET));
            InetSockAddr bound = (InetSockAddr) socket.getsockname();

            socket.listen(4);

            assertThat(socket.getsockname()).isEqualTo(bound);
            assertThat(socket.fileno()).isGreaterThan(2);
            try (Socket client = Socket.createConnection(bound, PATIENCE, Optional.empty())) {
                assertThat(socket.accept().address()).isEqualTo(client.getsockname());
            }
        }
    }

    @Test
    void channelReplaced_keepsTheDescriptorNumber_asACSocketKeepsItsFd() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            int fd = socket.fileno();
            assertThat(fd).isGreaterThan(2);

            assertThat(socket.connectEx(closedPort(AddressFamily.AF_INET))).isEqualTo(Errno.ECONNREFUSED.number());
            assertThat(socket.fileno()).as("after a refused connect").isEqualTo(fd);
            socket.listen(1);
            assertThat(socket.fileno()).as("after listen").isEqualTo(fd);
            socket.shutdown(Socket.SHUT_RD);
            assertThat(socket.fileno()).as("after SHUT_RD of a listener").isEqualTo(fd);
        }
    }

    @Test
    void listen_unbound_bindsAFreePortOnTheWildcard_asLinux() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            socket.listen(1);

            InetSockAddr name = (InetSockAddr) socket.getsockname();
            assertThat(name.address()).isEqualTo(Ipv4Address.ANY);
            assertThat(name.port()).isPositive();
        }
    }
}

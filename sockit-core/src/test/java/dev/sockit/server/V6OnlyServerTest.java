package dev.sockit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SocketType;
import dev.sockit.net.ConnectionRefusedException;
import dev.sockit.net.Errno;
import dev.sockit.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ServerConfig.Builder#v6Only}: the kernel refuses IPv4 clients of an IPv6 wildcard listener. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class V6OnlyServerTest {

    @Test
    void tcp_v6Only_ipv4ConnectRefused_ipv6Connects() throws Exception {
        ServerConfig config = ServerConfig.builder().bind(InetSockAddr.of(Ipv6Address.ANY, 0)).v6Only(true).build();
        try (TcpServer server = TcpServer.start(config, Handlers.echo())) {
            int port = server.localAddresses().get(0).port();

            try (Socket v4 = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
                assertThatThrownBy(() -> v4.connect(InetSockAddr.of(Ipv4Address.LOOPBACK, port)))
                        .isInstanceOf(ConnectionRefusedException.class)
                        .satisfies(e -> assertThat(((ConnectionRefusedException) e).errno()).isEqualTo(Errno.ECONNREFUSED));
            }
            try (Socket v6 = Socket.socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM)) {
                v6.connect(InetSockAddr.of(Ipv6Address.LOOPBACK, port));
                v6.sendall(java.nio.ByteBuffer.wrap(new byte[] {42}), 0);
                byte[] echoed = v6.recv(1, 0);
                assertThat(echoed).containsExactly(42);
            }
        }
    }

    @Test
    void tcp_dualStackByDefault_ipv4ConnectAccepted() throws Exception {
        ServerConfig config = ServerConfig.builder().bind(InetSockAddr.of(Ipv6Address.ANY, 0)).build();
        try (TcpServer server = TcpServer.start(config, Handlers.echo());
                Socket v4 = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            assertThat(config.v6Only()).isFalse();
            v4.connect(InetSockAddr.of(Ipv4Address.LOOPBACK, server.localAddresses().get(0).port()));
        }
    }

    @Test
    void udp_v6Only_ipv4DatagramRefused() throws Exception {
        ServerConfig config = ServerConfig.builder().bind(InetSockAddr.of(Ipv6Address.ANY, 0)).v6Only(true).build();
        try (UdpServer server = UdpServer.start(config, Handlers.udpEcho());
                Socket v4 = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM)) {
            v4.connect(InetSockAddr.of(Ipv4Address.LOOPBACK, server.localAddress().port()));
            v4.settimeout(java.time.Duration.ofSeconds(10));
            v4.send(java.nio.ByteBuffer.wrap(new byte[] {1}), 0);
            assertThatThrownBy(() -> v4.recv(1, 0))
                    .isInstanceOf(ConnectionRefusedException.class);
        }
    }
}

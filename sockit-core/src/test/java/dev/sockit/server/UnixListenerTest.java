package dev.sockit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link TcpServer} on UNIX stream socket paths ({@link ServerConfig.Builder#bindUnix}), alone and beside an IP listener. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnixListenerTest {

    @Test
    void echo_overAUnixPath_theConnectionNamesItsAddresses(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("echo.sock");
        CompletableFuture<SockAddr[]> seen = new CompletableFuture<>();
        ConnectionHandler recordingEcho = new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                seen.complete(new SockAddr[] {c.peer(), c.local()});
            }

            @Override
            public void onData(Connection c, ByteBuffer data) {
                c.write(data);
            }
        };
        ServerConfig config = ServerConfig.builder().bindUnix(UnixSockAddr.of(path)).build();
        try (TcpServer server = TcpServer.start(config, () -> recordingEcho);
                SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            assertThat(server.localAddresses()).isEmpty();
            client.connect(UnixDomainSocketAddress.of(path));
            client.write(ByteBuffer.wrap("over a path".getBytes(StandardCharsets.UTF_8)));
            ByteBuffer back = ByteBuffer.allocate(11);
            while (back.hasRemaining()) {
                assertThat(client.read(back)).isPositive();
            }
            assertThat(new String(back.array(), StandardCharsets.UTF_8)).isEqualTo("over a path");
            SockAddr[] addresses = seen.get(10, TimeUnit.SECONDS);
            assertThat(addresses[0]).isEqualTo(UnixSockAddr.UNNAMED);
            assertThat(addresses[1]).isEqualTo(UnixSockAddr.of(path));
        }
    }

    @Test
    void remoteAddress_onAUnixConnection_isAnIllegalState(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("s.sock");
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ServerConfig config = ServerConfig.builder().bind(InetSockAddr.parse("127.0.0.1:0")).bindUnix(UnixSockAddr.of(path)).build();
        try (TcpServer server = TcpServer.start(config, () -> new ConnectionHandler() {
                    @Override
                    public void onOpen(Connection c) {
                        try {
                            c.remoteAddress();
                            failure.complete(null);
                        } catch (IllegalStateException e) {
                            failure.complete(e);
                        }
                    }

                    @Override
                    public void onData(Connection c, ByteBuffer data) {
                        data.position(data.limit());
                    }
                });
                SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            assertThat(server.localAddresses()).hasSize(1);
            client.connect(UnixDomainSocketAddress.of(path));
            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anExistingPath_failsToBind_andAnUnnamedOneIsRefused(@TempDir Path dir) throws IOException {
        Path taken = java.nio.file.Files.createFile(dir.resolve("file"));
        ServerConfig config = ServerConfig.builder().bindUnix(UnixSockAddr.of(taken)).build();
        assertThatThrownBy(() -> TcpServer.start(config, Handlers.echo())).isInstanceOf(java.net.BindException.class);
        assertThatThrownBy(() -> ServerConfig.builder().bindUnix(UnixSockAddr.UNNAMED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpServer.start(ServerConfig.builder().bindUnix(UnixSockAddr.of(dir.resolve("u"))).build(), Handlers.udpEcho()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

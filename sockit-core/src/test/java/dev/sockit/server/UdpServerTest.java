package dev.sockit.server;

import static dev.sockit.server.ServerFixtures.PATIENCE;
import static dev.sockit.server.ServerFixtures.loopback;
import static dev.sockit.server.ServerFixtures.poll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpServerTest {

    /** A UDP echo that prefixes each reply with how many datagrams its peer has sent, and reports closes. */
    private static final class Counting implements Supplier<DatagramHandler> {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public DatagramHandler get() {
            return new DatagramHandler() {
                private int seen;

                @Override
                public void onPeerOpen(Peer peer) {
                    events.add("open " + peer.remoteAddress());
                }

                @Override
                public void onDatagram(Peer peer, ByteBuffer data) {
                    if (data.remaining() == 1 && data.get(data.position()) == '!') {
                        throw new IllegalStateException("bang");
                    }
                    seen++;
                    ByteBuffer reply = ByteBuffer.allocate(4 + data.remaining()).putInt(seen).put(data).flip();
                    peer.send(reply);
                }

                @Override
                public void onPeerClose(Peer peer, CloseCause cause) {
                    events.add("close " + peer.remoteAddress() + " " + cause.reason());
                }
            };
        }
    }

    private static DatagramSocket client() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        s.setSoTimeout((int) PATIENCE.toMillis());
        return s;
    }

    private static String exchange(DatagramSocket s, UdpServer server, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(out, out.length, server.localAddress().toInetSocketAddress()));
        DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
        s.receive(in);
        ByteBuffer b = ByteBuffer.wrap(in.getData(), 0, in.getLength());
        int count = b.getInt();
        return count + ":" + StandardCharsets.US_ASCII.decode(b);
    }

    private static String local(DatagramSocket s) {
        return dev.sockit.addr.InetSockAddr.of((InetSocketAddress) s.getLocalSocketAddress()).toString();
    }

    @Test
    void datagrams_fromManyPeers_eachReplyGoesToItsSenderWithItsOwnState() throws Exception {
        Counting handlers = new Counting();
        List<DatagramSocket> clients = new ArrayList<>();
        try (UdpServer server = UdpServer.start(loopback().build(), handlers)) {
            for (int i = 0; i < 8; i++) {
                clients.add(client());
            }
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < clients.size(); i++) {
                    assertThat(exchange(clients.get(i), server, "c" + i)).isEqualTo(round + ":c" + i);
                }
            }
            assertThat(server.peerCount()).isEqualTo(8);
            assertThat(server.datagramsReceived()).isEqualTo(24);
        } finally {
            for (DatagramSocket c : clients) {
                c.close();
            }
        }
    }

    @Test
    void idleTimeout_quietPeerIsForgotten_nextDatagramStartsAfresh() throws Exception {
        Counting handlers = new Counting();
        try (UdpServer server = UdpServer.start(loopback().idleTimeout(Duration.ofMillis(200)).build(), handlers);
             DatagramSocket c = client()) {
            assertThat(exchange(c, server, "a")).isEqualTo("1:a");
            assertThat(poll(handlers.events)).isEqualTo("open " + local(c));
            assertThat(poll(handlers.events)).isEqualTo("close " + local(c) + " IDLE_TIMEOUT");
            assertThat(server.expiredPeers()).isEqualTo(1);
            assertThat(exchange(c, server, "b")).isEqualTo("1:b");
        }
    }

    @Test
    void maxPeers_reached_newPeersDroppedAndCountedExistingServed() throws Exception {
        Counting handlers = new Counting();
        try (UdpServer server = UdpServer.start(loopback().maxPeers(2).build(), handlers);
             DatagramSocket a = client(); DatagramSocket b = client(); DatagramSocket c = client()) {
            assertThat(exchange(a, server, "a")).isEqualTo("1:a");
            assertThat(exchange(b, server, "b")).isEqualTo("1:b");
            byte[] x = {'x'};
            c.send(new DatagramPacket(x, 1, server.localAddress().toInetSocketAddress()));
            // One socket, one queue: once a's next reply is back, c's datagram was handled.
            assertThat(exchange(a, server, "a")).isEqualTo("2:a");
            assertThat(server.peerDrops()).isEqualTo(1);
            assertThat(server.peerCount()).isEqualTo(2);
            c.setSoTimeout(50);
            try {
                c.receive(new DatagramPacket(new byte[16], 16));
                throw new AssertionError("a peer over the cap got a reply");
            } catch (SocketTimeoutException expected) {
                // Nothing came back, as it should.
            }
        }
    }

    @Test
    void handlerThrows_onlyThatPeerIsForgotten() throws Exception {
        Counting handlers = new Counting();
        try (UdpServer server = UdpServer.start(loopback().build(), handlers);
             DatagramSocket good = client(); DatagramSocket bad = client()) {
            assertThat(exchange(good, server, "g")).isEqualTo("1:g");
            assertThat(exchange(bad, server, "b")).isEqualTo("1:b");
            bad.send(new DatagramPacket(new byte[] {'!'}, 1, server.localAddress().toInetSocketAddress()));
            assertThat(exchange(good, server, "g")).isEqualTo("2:g");
            assertThat(exchange(bad, server, "b")).isEqualTo("1:b");
        }
    }

    @Test
    void stop_closesEveryPeerThenTerminates() throws Exception {
        Counting handlers = new Counting();
        UdpServer server = UdpServer.start(loopback().build(), handlers);
        try (DatagramSocket c = client()) {
            assertThat(exchange(c, server, "a")).isEqualTo("1:a");
            server.stop();
            assertThat(server.awaitTermination(PATIENCE)).isTrue();
            assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
            assertThat(poll(handlers.events)).startsWith("open");
            assertThat(poll(handlers.events)).endsWith("SERVER_STOPPED");
        } finally {
            server.close();
        }
    }
}

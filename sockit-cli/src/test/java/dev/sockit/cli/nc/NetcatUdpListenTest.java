package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.Spawned;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sockit -l -u}: one socket, peers told apart by source port, stdin routed to the live
 * peers, the first peer only without {@code -k}, idle peers expired with a {@code closed}
 * event, and real peers (ncat, python3) as clients.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatUdpListenTest {

    @Test
    void keepOpen_manyPeers_eachHeard_stdinToEveryLivePeer() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "-k", "127.0.0.1", "0")) {
            List<DatagramSocket> peers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    DatagramSocket p = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                    p.setSoTimeout(Listener.READ_TIMEOUT_MILLIS);
                    peers.add(p);
                    send(p, l.port, "peer " + i + "\n");
                }
                l.awaitEvents("accepted", 4);
                l.process.awaitStdout(out -> Listener.count(out, "peer ") == 4);
                l.process.write("to all peers\n");
                for (DatagramSocket p : peers) {
                    assertThat(receive(p)).isEqualTo("to all peers\n");
                }
            } finally {
                peers.forEach(DatagramSocket::close);
            }
        }
    }

    @Test
    void withoutKeepOpen_theFirstPeerOnly() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "127.0.0.1", "0");
                DatagramSocket first = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket second = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            first.setSoTimeout(Listener.READ_TIMEOUT_MILLIS);
            second.setSoTimeout(500);
            send(first, l.port, "first\n");
            l.process.awaitStdout(out -> out.equals("first\n"));
            send(second, l.port, "second\n");
            send(first, l.port, "first again\n");
            l.process.awaitStdout(out -> out.equals("first\nfirst again\n"));
            l.process.write("reply\n");
            assertThat(receive(first)).isEqualTo("reply\n");
            assertThat(l.process.stdout()).doesNotContain("second");
            try {
                receive(second);
                throw new AssertionError("the second peer was answered");
            } catch (SocketTimeoutException expected) {
                // only the first peer is served
            }
        }
    }

    @Test
    void idlePeer_expires_closedEvent_andWithoutKeepOpenExit4() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "-i", "400ms", "127.0.0.1", "0");
                DatagramSocket p = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            send(p, l.port, "once\n");
            assertThat(l.process.awaitExit()).isEqualTo(4);
            assertThat(l.process.stdout()).isEqualTo("once\n");
            assertThat(l.process.stderr()).contains("\"event\":\"closed\"").contains("\"reason\":\"idle\"").contains("\"bytes_received\":5");
        }
    }

    @Test
    void keepOpen_idlePeersExpireOneByOne_theListenerGoesOn() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "-k", "-i", "300ms", "127.0.0.1", "0");
                DatagramSocket a = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket b = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            send(a, l.port, "a\n");
            send(b, l.port, "b\n");
            l.awaitEvents("closed", 2);
            send(a, l.port, "a again\n");
            l.process.awaitStdout(out -> out.contains("a again\n"));
            assertThat(l.awaitEvents("accepted", 3)).isNotEmpty();
            assertThat(l.process.isAlive()).isTrue();
        }
    }

    @Test
    void realPeers_ncatAndPython_fromTheirOwnPorts() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "-k", "127.0.0.1", "0");
                Spawned ncat = Spawned.start(List.of("ncat", "-u", "127.0.0.1", Integer.toString(l.port)));
                Spawned python = Spawned.start(List.of("python3", "-c",
                        "import socket,sys\n"
                                + "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(20)\n"
                                + "s.sendto(b'from python\\n',('127.0.0.1'," + l.port + "))\n"
                                + "print(s.recvfrom(100)[0].decode(), end='', flush=True)\n"))) {
            ncat.write("from ncat\n");
            l.process.awaitStdout(out -> out.contains("from ncat\n") && out.contains("from python\n"));
            l.process.write("hello both\n");
            ncat.awaitStdout(out -> out.contains("hello both\n"));
            python.awaitStdout(out -> out.contains("hello both\n"));
        }
    }

    static void send(DatagramSocket from, int port, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", port)));
    }

    static String receive(DatagramSocket on) throws Exception {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        on.receive(p);
        return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
    }
}

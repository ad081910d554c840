package dev.sockit.cli.nc;

import static dev.sockit.cli.nc.Listener.readToEof;
import static dev.sockit.cli.nc.Listener.readUntil;
import static dev.sockit.cli.nc.Listener.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --echo}, {@code --discard}, {@code --chargen}, {@code --reply}: with and without {@code -k}, UDP echo and reply. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatServicesTest {

    @Test
    void echo_oneClient_thenExit() throws Exception {
        try (Listener l = Listener.start("-l", "--echo", "127.0.0.1", "0")) {
            Socket c = l.connect();
            send(c, "ping\n");
            assertThat(readUntil(c, "ping\n")).isEqualTo("ping\n");
            c.shutdownOutput();
            assertThat(readToEof(c)).isEmpty();
            assertThat(l.process.awaitExit()).isZero();
        }
    }

    @Test
    void echo_keepOpen_concurrentClients() throws Exception {
        try (Listener l = Listener.start("-l", "-k", "--echo", "127.0.0.1", "0")) {
            Socket a = l.connect();
            Socket b = l.connect();
            send(a, "a\n");
            send(b, "b\n");
            assertThat(readUntil(b, "b\n")).isEqualTo("b\n");
            assertThat(readUntil(a, "a\n")).isEqualTo("a\n");
            a.close();
            send(b, "b2\n");
            assertThat(readUntil(b, "b2\n")).isEqualTo("b2\n");
        }
    }

    @Test
    void reply_exactlyTheText_oncePerClient_afterItsFirstMessage_connectionStaysOpen() throws Exception {
        try (Listener l = Listener.start("-l", "-k", "--reply", "HTTP/1.0 200 OK\r\n\r\nhi", "127.0.0.1", "0")) {
            for (int i = 0; i < 2; i++) {
                Socket c = l.connect();
                send(c, "GET / HTTP/1.0\r\n\r\n");
                assertThat(readUntil(c, "hi")).isEqualTo("HTTP/1.0 200 OK\r\n\r\nhi");
                send(c, "more\n");
                c.shutdownOutput();
                assertThat(readToEof(c)).isEmpty();
            }
        }
    }

    @Test
    void discard_andChargen() throws Exception {
        try (Listener l = Listener.start("-l", "--discard", "127.0.0.1", "0")) {
            Socket c = l.connect();
            send(c, "into the bin\n");
            c.shutdownOutput();
            assertThat(readToEof(c)).isEmpty();
            assertThat(l.process.awaitExit()).isZero();
            assertThat(l.process.stdout()).isEmpty();
        }
        try (Listener l = Listener.start("-l", "--chargen", "127.0.0.1", "0")) {
            Socket c = l.connect();
            byte[] line = new byte[74];
            InputStream in = c.getInputStream();
            assertThat(in.readNBytes(line, 0, 74)).isEqualTo(74);
            assertThat(new String(line, 0, 72, java.nio.charset.StandardCharsets.US_ASCII)).startsWith(" !\"#$%&'()*+,-./0123");
            assertThat(line[72]).isEqualTo((byte) '\r');
            assertThat(line[73]).isEqualTo((byte) '\n');
        }
    }

    @Test
    void udpEcho_andUdpReply() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "-k", "--echo", "127.0.0.1", "0");
                DatagramSocket p = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            p.setSoTimeout(Listener.READ_TIMEOUT_MILLIS);
            NetcatUdpListenTest.send(p, l.port, "udp ping");
            assertThat(NetcatUdpListenTest.receive(p)).isEqualTo("udp ping");
        }
        try (Listener l = Listener.start("-l", "-u", "--reply", "pong", "127.0.0.1", "0");
                DatagramSocket p = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            p.setSoTimeout(Listener.READ_TIMEOUT_MILLIS);
            NetcatUdpListenTest.send(p, l.port, "ping");
            assertThat(NetcatUdpListenTest.receive(p)).isEqualTo("pong");
        }
    }
}
